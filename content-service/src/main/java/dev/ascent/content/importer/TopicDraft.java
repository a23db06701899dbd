package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;

/** Mutable topic under construction; frozen into a {@link ParsedTopic} once the document is read. */
final class TopicDraft {
    final String title;
    final int line;
    final List<TextLine> text = new ArrayList<>();
    final List<ParsedItem> items = new ArrayList<>();

    TopicDraft(String title, int line) {
        this.title = title;
        this.line = line;
    }

    /** True when the topic's last content is an item rather than a line of prose. */
    boolean endsWithItem() {
        if (items.isEmpty()) {
            return false;
        }
        return text.isEmpty()
                || items.get(items.size() - 1).line()
                        >= text.get(text.size() - 1).line();
    }

    ParsedTopic freeze() {
        return new ParsedTopic(title, line, join(text), items);
    }

    static String join(List<TextLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (TextLine l : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l.text());
        }
        return sb.toString();
    }
}
