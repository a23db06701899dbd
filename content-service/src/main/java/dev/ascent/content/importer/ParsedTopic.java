package dev.ascent.content.importer;

import java.util.List;

/**
 * A sub-heading and its content. Title is "" for content that sits directly under a section heading; a number
 * prefix such as "4. " is stripped. {@code text} holds paragraphs and lead-in lines joined by "\n".
 */
public record ParsedTopic(String title, int line, String text, List<ParsedItem> items) {
    public ParsedTopic {
        items = List.copyOf(items);
    }
}
