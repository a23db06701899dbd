package dev.ascent.cli;

import com.google.rpc.BadRequest;
import dev.ascent.client.InvalidArgumentException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Error messages in the command line's words: the API's field names become the flags and arguments a person typed,
 * and the RPCs services name in their messages become the commands that call them.
 */
final class Wording {

    /** API field (indices removed: {@code skill_ratings[].skill}) to flag, for every command. */
    static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("hours_per_week", "--hours-per-week"),
            Map.entry("plan.hours_per_week", "--hours-per-week"),
            Map.entry("target_date", "--target-date"),
            Map.entry("plan.target_date", "--target-date"),
            Map.entry("start_date", "--start-date"),
            Map.entry("title", "--title"),
            Map.entry("plan.title", "--title"),
            Map.entry("plan_item.title", "--title"),
            Map.entry("time_zone", "--time-zone"),
            Map.entry("target_role", "--role"),
            Map.entry("skill_ratings", "--rate"),
            Map.entry("skill_ratings[].skill", "--rate"),
            Map.entry("skill_ratings[].rating", "--rate"),
            Map.entry("minutes", "MINUTES"),
            Map.entry("day", "--day"),
            Map.entry("note", "--note"),
            Map.entry("plan_item.notes", "--notes"),
            Map.entry("notes", "--notes"),
            Map.entry("plan_item.estimated_minutes", "--estimate"),
            Map.entry("plan_item.due_date", "--due"),
            Map.entry("plan_item.description", "--description"),
            Map.entry("comment", "--comment"),
            Map.entry("body", "TEXT"),
            Map.entry("evidence_links", "--link"),
            Map.entry("evidence_links[]", "--link"),
            Map.entry("label", "--label"),
            Map.entry("handle", "HANDLE"),
            Map.entry("display_name", "DISPLAY NAME"),
            Map.entry("time_box_minutes", "--minutes"),
            Map.entry("self_rating", "--rating"),
            Map.entry("step_scores", "--score"),
            Map.entry("step_scores[].score", "--score"),
            Map.entry("step_scores[].step", "--score"),
            Map.entry("message", "--message"),
            Map.entry("mentor", "--mentor"),
            Map.entry("query", "QUERY"),
            Map.entry("position", "--at"),
            Map.entry("page_token", "--page-token"),
            Map.entry("step_updates[].notes", "--step"),
            Map.entry("desired_retention", "--retention"),
            Map.entry("daily_limit", "--daily-limit"),
            Map.entry("front", "FRONT"),
            Map.entry("back", "BACK"),
            Map.entry("text", "FILE"),
            Map.entry("source", "PROMPT"),
            Map.entry("user", "HANDLE"));

    /** RPC names services put in messages, and the command that does the same. */
    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("MentorshipService.InviteMentor", "'ascent mentor invite <handle>'");
        COMMANDS.put("InviteMentor", "'ascent mentor invite <handle>'");
        COMMANDS.put("RespondToInvitation", "'ascent mentor decline <handle>'");
        COMMANDS.put("EndMentorship", "'ascent mentor end <handle>'");
        COMMANDS.put("RequestReview", "'ascent review request'");
        COMMANDS.put("CancelReviewRequest", "'ascent review cancel'");
        COMMANDS.put("UpdatePlanItem", "'ascent item edit'");
        COMMANDS.put("UpdatePlan", "'ascent plan'");
        COMMANDS.put("CreateAccessToken", "'ascent token create'");
        COMMANDS.put("RevokeAccessToken", "'ascent token revoke'");
        COMMANDS.put("allow_reopen_verified", "--force");
        COMMANDS.put("update_mask", "the options");
    }

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private Wording() {}

    /** The flag a field was typed as: the command's own words first, then the shared ones; else the field itself. */
    static String flag(String field, Map<String, String> own) {
        String plain = INDEX.matcher(field).replaceAll("[]");
        for (String candidate : new String[] {field, plain, plain.replaceFirst("^[a-z_]+\\.", "")}) {
            if (own.containsKey(candidate)) {
                return own.get(candidate);
            }
            if (FLAGS.containsKey(candidate)) {
                return FLAGS.get(candidate);
            }
        }
        return field;
    }

    static String invalid(InvalidArgumentException e, Map<String, String> own) {
        if (e.fieldViolations().isEmpty()) {
            return text(e.description(), own);
        }
        return e.fieldViolations().stream().map(v -> line(v, own)).collect(Collectors.joining("; "));
    }

    private static String line(BadRequest.FieldViolation v, Map<String, String> own) {
        String description = text(v.getDescription(), own);
        return v.getField().isEmpty() ? description : flag(v.getField(), own) + ": " + description;
    }

    /** A service's text with RPC and field names (those with '_' or '.', never plain words) in the CLI's words. */
    static String text(String message, Map<String, String> own) {
        String out = message;
        for (Map.Entry<String, String> c : COMMANDS.entrySet()) {
            out = out.replace(c.getKey(), c.getValue());
        }
        Map<String, String> all = new HashMap<>(FLAGS);
        all.putAll(own);
        for (Map.Entry<String, String> f : all.entrySet()) {
            if (f.getKey().contains("_") && !f.getKey().contains("[")) {
                out = out.replaceAll(
                        "(?<![\\w.-])" + Pattern.quote(f.getKey()) + "(?![\\w])",
                        Matcher.quoteReplacement(f.getValue()));
            }
        }
        return out;
    }
}
