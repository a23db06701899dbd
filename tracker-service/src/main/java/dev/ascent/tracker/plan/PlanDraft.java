package dev.ascent.tracker.plan;

/** A plan item before it is stored: what the builder proposes from the role's content. */
public record PlanDraft(
        ItemKind kind,
        String title,
        String description,
        String sourceContent,
        String sourceText,
        String sourceName,
        int sourceLine,
        int estimatedMinutes) {}
