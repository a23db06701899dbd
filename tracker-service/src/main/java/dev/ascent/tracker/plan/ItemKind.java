package dev.ascent.tracker.plan;

/**
 * What a plan item asks for, with the default estimate each kind starts with (editable per item). The heuristic:
 * a documented next step is a small project (6 h); closing a named skill gap takes longer (8 h); a low-rated skill
 * takes 3 h per rating point below 5; a practice item is two 45-minute time-boxed sessions; reading and custom
 * items 2 h; career-development advice 4 h.
 */
public enum ItemKind {
    NEXT_STEP(360),
    SKILL_GAP(480),
    SKILL(180),
    PRACTICE(90),
    READING(120),
    CUSTOM(120),
    CAREER_DEVELOPMENT(240);

    private final int defaultMinutes;

    ItemKind(int defaultMinutes) {
        this.defaultMinutes = defaultMinutes;
    }

    public int defaultMinutes() {
        return defaultMinutes;
    }

    /** A skill rated {@code rating} (0 to 5): 3 hours per point below 5, a rating of 0 counting as 1. */
    public static int skillMinutes(int rating) {
        return SKILL.defaultMinutes * (5 - Math.max(1, rating));
    }
}
