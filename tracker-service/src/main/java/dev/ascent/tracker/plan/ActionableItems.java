package dev.ascent.tracker.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a guide's list item into something a person can do, or leaves it out of the plan. Guides mix advice with
 * facts: "Typical titles: Staff Engineer, Principal Engineer", "Senior: $150,000 - $190,000", "Demand is steady",
 * a bare job title under Career Paths. None of those is a task. Kept: items that start with a verb ("Write an SLO",
 * "Participating in research"), and other phrases that are neither a label with a value, nor a figure, nor a
 * statement; a skill-gap item that is just a name ("Cost modelling") becomes "Close the skill gap: Cost modelling".
 */
final class ActionableItems {
    private static final Pattern LABEL = Pattern.compile("^[A-Z][^:]{0,40}:\\s");
    private static final Pattern FIGURE = Pattern.compile("[$€£¥₹]|\\d\\s?%|\\b(?:19|20)\\d\\d\\b");
    private static final Pattern STATEMENT = Pattern.compile(
            "\\b(?:is|are|was|were|remains?|has|have|grows?|" + "rises?|falls?|tends? to|varies|vary)\\b");
    private static final Set<String> VERBS = Set.of(
            "add",
            "adopt",
            "analyse",
            "analyze",
            "apply",
            "ask",
            "attend",
            "audit",
            "automate",
            "build",
            "choose",
            "collaborate",
            "complete",
            "contribute",
            "create",
            "define",
            "deliver",
            "deploy",
            "design",
            "develop",
            "document",
            "drive",
            "earn",
            "establish",
            "evaluate",
            "explore",
            "find",
            "fix",
            "follow",
            "gain",
            "get",
            "give",
            "grow",
            "help",
            "identify",
            "implement",
            "improve",
            "join",
            "keep",
            "launch",
            "lead",
            "learn",
            "make",
            "map",
            "master",
            "measure",
            "mentor",
            "migrate",
            "monitor",
            "own",
            "pair",
            "participate",
            "pick",
            "plan",
            "practice",
            "practise",
            "prepare",
            "present",
            "profile",
            "publish",
            "read",
            "rebuild",
            "reduce",
            "refactor",
            "remove",
            "replace",
            "review",
            "run",
            "seek",
            "set",
            "share",
            "ship",
            "shadow",
            "size",
            "speak",
            "spend",
            "start",
            "stay",
            "study",
            "take",
            "teach",
            "test",
            "track",
            "train",
            "try",
            "turn",
            "understand",
            "use",
            "volunteer",
            "work",
            "write");
    private static final int NAME_WORDS = 5;
    static final String GAP_PREFIX = "Close the skill gap: ";

    private ActionableItems() {}

    /** The plan item title for a guide item of this kind, or empty when the item is not something to do. */
    static Optional<String> title(String text, ItemKind kind) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String first = t.split("\\s+", 2)[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        boolean verb = VERBS.contains(first) || (first.endsWith("ing") && first.length() > 5);
        if (verb) {
            return Optional.of(t);
        }
        if (LABEL.matcher(t).find()
                || FIGURE.matcher(t).find()
                || STATEMENT.matcher(t).find()) {
            return Optional.empty();
        }
        boolean nameLike = t.split("\\s+").length <= NAME_WORDS && !t.endsWith(".");
        if (nameLike) {
            return kind == ItemKind.SKILL_GAP ? Optional.of(GAP_PREFIX + t) : Optional.empty();
        }
        return Optional.of(t);
    }
}
