package dev.ascent.content.importer;

import java.util.List;

/**
 * A top-level section. {@code intro} is the paragraph that follows the heading, {@code closing} any closing summary
 * sentence found at the end of the section (split off a glued last bullet where a scrape ran them together); each
 * is "" when absent.
 */
public record ParsedSection(
        SectionKind kind, String heading, int line, String intro, String closing, List<ParsedTopic> topics) {
    public ParsedSection {
        topics = List.copyOf(topics);
    }

    /** Intro and closing joined by "\n", skipping whichever is empty. */
    public String summary() {
        if (intro.isEmpty()) {
            return closing;
        }
        return closing.isEmpty() ? intro : intro + "\n" + closing;
    }
}
