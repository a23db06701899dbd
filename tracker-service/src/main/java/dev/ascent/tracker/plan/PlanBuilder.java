package dev.ascent.tracker.plan;

import dev.ascent.common.Text;
import dev.ascent.tracker.content.RoleSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a role into plan items, in the order an engineer should work on them:
 * <ol>
 *   <li>the role's documented next steps, in document order;</li>
 *   <li>skill gaps: the role's skill-gap items, then the role's skills the engineer rated low (2 or less),
 *       highest role weight first;</li>
 *   <li>system-design practice: the design prompts, then the role's best-practice checklists.</li>
 * </ol>
 * A role without next steps starts with its career-development and development-suggestion items instead, and,
 * when nobody rated anything, its five most important skills. Items with the same title appear once, and guide
 * items that are not something to do (labels with values, figures, statements, bare names) are left out
 * ({@link ActionableItems}). Design prompts come from the content service already matched to the role.
 */
public final class PlanBuilder {

    public static final int LOW_RATING = 2;
    static final int MAX_FALLBACK_SKILLS = 5;
    static final int MAX_TITLE = 300;

    private PlanBuilder() {}

    public static List<PlanDraft> build(RoleSnapshot role, Map<String, Integer> ratings) {
        Map<String, PlanDraft> drafts = new LinkedHashMap<>();
        List<RoleSnapshot.Topic> nextSteps = role.topics("NEXT_STEPS");
        boolean hasNextSteps = nextSteps.stream().anyMatch(t -> !t.items().isEmpty());
        if (hasNextSteps) {
            items(drafts, nextSteps, ItemKind.NEXT_STEP);
        } else {
            items(drafts, role.topics("CAREER_DEVELOPMENT"), ItemKind.CAREER_DEVELOPMENT);
            items(drafts, role.topics("DEVELOPMENT_SUGGESTIONS"), ItemKind.CAREER_DEVELOPMENT);
        }
        items(drafts, role.topics("SKILL_GAPS"), ItemKind.SKILL_GAP);

        List<RoleSnapshot.Skill> bySkillWeight = new ArrayList<>(role.skills());
        bySkillWeight.sort(Comparator.comparingDouble(RoleSnapshot.Skill::weight)
                .reversed()
                .thenComparing(RoleSnapshot.Skill::key));
        Map<String, Integer> normalizedRatings = new LinkedHashMap<>();
        ratings.forEach((k, v) -> normalizedRatings.put(skillKey(k), v));
        int fallback = 0;
        for (RoleSnapshot.Skill skill : bySkillWeight) {
            Integer rating = normalizedRatings.get(skillKey(skill.key()));
            if (rating == null) {
                rating = normalizedRatings.get(skillKey(skill.displayName()));
            }
            boolean lowRated = rating != null && rating <= LOW_RATING;
            boolean fallbackSkill = !hasNextSteps && ratings.isEmpty() && fallback < MAX_FALLBACK_SKILLS;
            if (lowRated || fallbackSkill) {
                if (!lowRated) {
                    fallback++;
                }
                int minutes = rating == null ? ItemKind.SKILL.defaultMinutes() * 2 : ItemKind.skillMinutes(rating);
                String why = rating == null
                        ? "One of the skills " + role.title() + " asks for most."
                        : "You rated yourself " + rating + " of 5; " + role.title() + " asks for it.";
                add(
                        drafts,
                        new PlanDraft(
                                ItemKind.SKILL,
                                "Strengthen " + skill.displayName(),
                                why,
                                "skills/" + skill.key(),
                                skill.displayName(),
                                "",
                                0,
                                minutes));
            }
        }

        for (RoleSnapshot.Practice p : role.practice()) {
            boolean prompt = p.name().startsWith("designPrompts/");
            String title = (prompt ? "Practise system design: " : "Practise the checklist: ") + p.title();
            add(
                    drafts,
                    new PlanDraft(
                            ItemKind.PRACTICE,
                            title,
                            p.description(),
                            p.name(),
                            p.title(),
                            "",
                            0,
                            ItemKind.PRACTICE.defaultMinutes()));
        }
        return List.copyOf(drafts.values());
    }

    private static void items(Map<String, PlanDraft> drafts, List<RoleSnapshot.Topic> topics, ItemKind kind) {
        for (RoleSnapshot.Topic topic : topics) {
            for (RoleSnapshot.Item item : topic.items()) {
                String description = topic.title().isEmpty() ? "" : topic.title();
                ActionableItems.title(item.text(), kind)
                        .ifPresent(title -> add(
                                drafts,
                                new PlanDraft(
                                        kind,
                                        title,
                                        description,
                                        item.name(),
                                        item.text(),
                                        item.sourceName(),
                                        item.line(),
                                        kind.defaultMinutes())));
            }
        }
    }

    private static void add(Map<String, PlanDraft> drafts, PlanDraft draft) {
        String title = Text.fit(draft.title(), MAX_TITLE);
        PlanDraft fitted = title.equals(draft.title())
                ? draft
                : new PlanDraft(
                        draft.kind(),
                        title,
                        draft.description(),
                        draft.sourceContent(),
                        draft.sourceText(),
                        draft.sourceName(),
                        draft.sourceLine(),
                        draft.estimatedMinutes());
        drafts.putIfAbsent(title.toLowerCase(Locale.ROOT).strip(), fitted);
    }

    /**
     * Folds a rating's skill the way the catalog folds skill names (case, spacing, a simple plural), so that
     * "skills/distributed system", "Distributed Systems" and "distributed  systems" meet.
     */
    static String skillKey(String skill) {
        String s = skill.startsWith("skills/") ? skill.substring(7) : skill;
        s = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (s.endsWith("ies") && s.length() > 4) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }
}
