package dev.ascent.tracker.plan;

import dev.ascent.common.error.Validator;
import dev.ascent.tracker.content.RoleSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Self-ratings must name skills of the target role. A rating the role does not know would be silently ignored (and
 * still switch off the role's default skill items), so a typo such as "pythn" is refused with the role's closest
 * skill names by edit distance.
 */
final class RatedSkills {

    static final int MAX_SUGGESTIONS = 3;

    private RatedSkills() {}

    static void requireKnown(RoleSnapshot role, Map<String, Integer> ratings) {
        Validator v = new Validator();
        int i = 0;
        for (String skill : ratings.keySet()) {
            if (!known(role, skill)) {
                v.check(
                        false,
                        "skill_ratings[" + i + "].skill",
                        "'" + skill + "' is not a skill of " + role.title() + "; " + suggestions(role, skill));
            }
            i++;
        }
        v.throwIfInvalid();
    }

    static boolean known(RoleSnapshot role, String skill) {
        String key = PlanBuilder.skillKey(skill);
        return role.skills().stream()
                .anyMatch(s -> PlanBuilder.skillKey(s.key()).equals(key)
                        || PlanBuilder.skillKey(s.displayName()).equals(key));
    }

    /** "did you mean python, pytorch?" when some skill is close, else the role's five most important skills. */
    static String suggestions(RoleSnapshot role, String skill) {
        String key = PlanBuilder.skillKey(skill);
        int tolerance = Math.min(4, Math.max(2, key.length() / 3));
        List<String> close = role.skills().stream()
                .filter(s -> distance(key, PlanBuilder.skillKey(s.displayName())) <= tolerance)
                .sorted(Comparator.<RoleSnapshot.Skill>comparingInt(
                                s -> distance(key, PlanBuilder.skillKey(s.displayName())))
                        .thenComparing(Comparator.comparingDouble(RoleSnapshot.Skill::weight)
                                .reversed()))
                .limit(MAX_SUGGESTIONS)
                .map(RoleSnapshot.Skill::displayName)
                .toList();
        if (!close.isEmpty()) {
            return "did you mean " + String.join(", ", close) + "?";
        }
        List<String> top = role.skills().stream()
                .sorted(Comparator.comparingDouble(RoleSnapshot.Skill::weight).reversed())
                .limit(5)
                .map(RoleSnapshot.Skill::displayName)
                .toList();
        return top.isEmpty() ? "the role lists no skills" : "its skills include " + String.join(", ", top);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
