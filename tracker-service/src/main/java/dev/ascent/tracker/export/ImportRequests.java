package dev.ascent.tracker.export;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemKind;
import dev.ascent.proto.tracker.v1.SkillRating;
import dev.ascent.proto.tracker.v1.TimeEntry;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.plan.ItemStatus;
import dev.ascent.tracker.plan.PlanLimits;
import dev.ascent.tracker.plan.PlanProtoMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ImportPlan request to an {@link ImportCommand}: every field checked against the limits the other RPCs apply
 * (and the columns it lands in), every reference resolved inside the export, every violation reported at once.
 * Counts are checked before any element ({@link Validator#maxCount}). Practice and recall parts are read by
 * {@link ImportPracticeRequests}.
 */
final class ImportRequests {

    static final int MAX_TIME_ENTRIES = 10_000;
    static final int MAX_COMMENTS = 2_000;
    static final String PREFIX = "export.";

    private ImportRequests() {}

    static ImportCommand read(PlanExport e) {
        if (e.getFormatVersion() != ExportProtoMapper.FORMAT_VERSION) {
            throw ApiException.invalid(
                    PREFIX + "format_version",
                    e.getFormatVersion() == 0
                            ? "is required (this server reads version " + ExportProtoMapper.FORMAT_VERSION + ")"
                            : "is " + e.getFormatVersion() + "; this server reads version "
                                    + ExportProtoMapper.FORMAT_VERSION
                                    + " (export it again from a server of this version, or upgrade this one)");
        }
        Validator.maxCount(e.getPlan().getItemsCount(), PlanLimits.MAX_ITEMS, PREFIX + "plan.items", "items");
        Validator.maxCount(e.getTimeEntriesCount(), MAX_TIME_ENTRIES, PREFIX + "time_entries", "time entries");
        Validator.maxCount(e.getCommentsCount(), MAX_COMMENTS, PREFIX + "comments", "comments");
        ImportPracticeRequests.checkCounts(e);
        ImportFields f = new ImportFields();
        String owner = ownerHandle(f, e.getOwner());
        ImportCommand.Plan plan = plan(f, e.getPlan());
        Map<String, Integer> itemIndex = new HashMap<>();
        List<ImportCommand.Item> items = new ArrayList<>();
        for (int i = 0; i < e.getPlan().getItemsCount(); i++) {
            PlanItem item = e.getPlan().getItems(i);
            String field = PREFIX + "plan.items[" + i + "]";
            f.check(
                    !item.getName().isEmpty() && itemIndex.putIfAbsent(item.getName(), i) == null,
                    field + ".name",
                    "names an item twice (or is empty)");
            items.add(item(f, item, field));
        }
        List<ImportCommand.Entry> entries = new ArrayList<>();
        for (int i = 0; i < e.getTimeEntriesCount(); i++) {
            entries.add(entry(f, e.getTimeEntries(i), PREFIX + "time_entries[" + i + "]", itemIndex, plan));
        }
        List<ImportCommand.Comment> comments = new ArrayList<>();
        for (int i = 0; i < e.getCommentsCount(); i++) {
            comments.add(comment(f, e.getComments(i), PREFIX + "comments[" + i + "]", itemIndex));
        }
        ImportPracticeRequests practice = new ImportPracticeRequests(f, itemIndex);
        var sessions = practice.sessions(e);
        var cards = practice.cards(e);
        var reviews = practice.reviews(e);
        f.throwIfInvalid();
        return new ImportCommand(owner, plan, items, entries, comments, sessions, cards, reviews);
    }

    private static String ownerHandle(ImportFields f, String owner) {
        try {
            return Names.user(owner, PREFIX + "owner");
        } catch (ApiException e) {
            f.check(false, PREFIX + "owner", "must look like users/{handle}");
            return "";
        }
    }

    private static ImportCommand.Plan plan(ImportFields f, Plan p) {
        String field = PREFIX + "plan.";
        f.requiredText(p.getTitle(), PlanLimits.MAX_PLAN_TITLE, field + "title");
        f.check(Names.ROLE.matches(p.getTargetRole()), field + "target_role", "must look like roles/{slug}");
        f.requiredText(p.getRoleTitle(), PlanLimits.MAX_PLAN_TITLE, field + "role_title");
        f.check(p.getRoleRevision() >= 0, field + "role_revision", "must not be negative");
        f.finite(
                p.getHoursPerWeek(),
                PlanLimits.MIN_HOURS_PER_WEEK,
                PlanLimits.MAX_HOURS_PER_WEEK,
                field + "hours_per_week");
        int start = f.day(p.getStartDate(), field + "start_date");
        Integer target = p.getTargetDate().isEmpty() ? null : f.day(p.getTargetDate(), field + "target_date");
        f.check(target == null || target > start, field + "target_date", "must be after start_date");
        String zone = f.zone(p.getTimeZone(), field + "time_zone");
        Validator.maxCount(p.getSkillRatingsCount(), PlanLimits.MAX_SKILL_RATINGS, field + "skill_ratings", "ratings");
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (int i = 0; i < p.getSkillRatingsCount(); i++) {
            SkillRating r = p.getSkillRatings(i);
            String at = field + "skill_ratings[" + i + "]";
            f.requiredText(r.getSkill(), 100, at + ".skill");
            f.check(r.getRating() >= 0 && r.getRating() <= 5, at + ".rating", "must be 0 to 5");
            ratings.put(r.getSkill().strip(), r.getRating());
        }
        int minutes = Double.isFinite(p.getHoursPerWeek()) ? (int) Math.round(p.getHoursPerWeek() * 60) : 0;
        return new ImportCommand.Plan(
                p.getTitle().strip(),
                p.getTargetRole(),
                p.getRoleTitle(),
                p.getRoleRevision(),
                minutes,
                start,
                target,
                zone,
                ratings,
                p.getArchived());
    }

    private static ImportCommand.Item item(ImportFields f, PlanItem i, String field) {
        f.check(
                i.getKind() != PlanItemKind.PLAN_ITEM_KIND_UNSPECIFIED && i.getKind() != PlanItemKind.UNRECOGNIZED,
                field + ".kind",
                "must be a known kind");
        f.requiredText(i.getTitle(), PlanLimits.MAX_TITLE, field + ".title");
        // Generated items carry the catalog's text, which may be longer than what AddPlanItem accepts.
        f.text(i.getDescription(), ImportFields.MEDIUM_TEXT, field + ".description");
        f.text(i.getSource().getContent(), 300, field + ".source.content");
        f.text(i.getSource().getText(), ImportFields.MEDIUM_TEXT, field + ".source.text");
        f.text(i.getSource().getSourceName(), 255, field + ".source.source_name");
        f.check(i.getSource().getLine() >= 0, field + ".source.line", "must not be negative");
        f.v.range(i.getEstimatedMinutes(), 1, PlanLimits.MAX_ESTIMATE_MINUTES, field + ".estimated_minutes");
        int due = f.day(i.getDueDate(), field + ".due_date");
        ItemStatus known = PlanProtoMapper.status(i.getStatus());
        f.check(known != null, field + ".status", "must be TODO, IN_PROGRESS, DONE or SKIPPED");
        f.text(i.getNotes(), PlanLimits.MAX_NOTES, field + ".notes");
        ItemStatus status = known == null ? ItemStatus.TODO : known;
        var complete = status == ItemStatus.DONE
                ? f.instant(i.hasCompleteTime(), i.getCompleteTime(), field + ".complete_time")
                : null;
        String kind = i.getKind() == PlanItemKind.UNRECOGNIZED
                ? ""
                : i.getKind().name().replace("PLAN_ITEM_KIND_", "");
        return new ImportCommand.Item(
                kind,
                i.getTitle().strip(),
                i.getDescription(),
                i.getSource().getContent(),
                i.getSource().getText(),
                i.getSource().getSourceName(),
                i.getSource().getLine(),
                i.getEstimatedMinutes(),
                due,
                i.getDueDatePinned(),
                status,
                i.getNotes(),
                i.getNotesPrivate(),
                complete);
    }

    private static ImportCommand.Entry entry(
            ImportFields f, TimeEntry t, String field, Map<String, Integer> items, ImportCommand.Plan plan) {
        Integer item = parentItem(f, t.getName(), "/timeEntries/", field + ".name", items);
        f.v.range(t.getMinutes(), 1, 24 * 60, field + ".minutes");
        int day = f.day(t.getDay(), field + ".day");
        f.check(day == 0 || day >= plan.startDay(), field + ".day", "must not be before the plan's start_date");
        f.text(t.getNote(), 1000, field + ".note");
        var created = f.instant(t.hasCreateTime(), t.getCreateTime(), field + ".create_time");
        return new ImportCommand.Entry(item == null ? 0 : item, t.getMinutes(), day, t.getNote(), created);
    }

    private static ImportCommand.Comment comment(ImportFields f, Comment c, String field, Map<String, Integer> items) {
        Integer item = parentItem(f, c.getName(), "/comments/", field + ".name", items);
        String author = "";
        try {
            author = Names.user(c.getAuthor(), field + ".author");
        } catch (ApiException e) {
            f.check(false, field + ".author", "must look like users/{handle}");
        }
        f.text(c.getAuthorDisplayName(), 100, field + ".author_display_name");
        f.requiredText(c.getBody(), PlanLimits.MAX_NOTES, field + ".body");
        var created = f.instant(c.hasCreateTime(), c.getCreateTime(), field + ".create_time");
        return new ImportCommand.Comment(
                item == null ? 0 : item, author, c.getAuthorDisplayName(), c.getBody(), created);
    }

    /** The index of the item a child's name starts with ({@code <item name><marker><id>}); null when none. */
    static Integer parentItem(ImportFields f, String name, String marker, String field, Map<String, Integer> items) {
        int at = name.lastIndexOf(marker);
        Integer item = at <= 0 ? null : items.get(name.substring(0, at));
        f.check(
                item != null && name.substring(at + marker.length()).matches("\\d{1,19}"),
                field,
                "must name one of export.plan.items followed by " + marker + "{id}");
        return item;
    }
}
