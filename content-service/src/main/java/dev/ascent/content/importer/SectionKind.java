package dev.ascent.content.importer;

/** What a top-level section of a career guide is about; {@link #OTHER} for headings outside the vocabulary. */
public enum SectionKind {
    OVERVIEW,
    RESPONSIBILITIES,
    REQUIREMENTS,
    SKILLS,
    SKILL_GAPS,
    CAREER_PATHS,
    CAREER_DEVELOPMENT,
    DEVELOPMENT_SUGGESTIONS,
    NEXT_STEPS,
    MARKET_DEMAND,
    SALARY,
    INDUSTRY_TRENDS,
    SOFT_SKILLS,
    BEST_PRACTICES,
    CHALLENGES,
    OTHER
}
