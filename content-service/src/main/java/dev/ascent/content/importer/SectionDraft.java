package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;

/** Mutable section under construction. Intro and closing prose are kept apart until the summary is built. */
final class SectionDraft {
    final SectionKind kind;
    final String heading;
    final int line;
    final List<TextLine> intro = new ArrayList<>();
    final List<TextLine> closing = new ArrayList<>();
    final List<TopicDraft> topics = new ArrayList<>();

    SectionDraft(SectionKind kind, String heading, int line) {
        this.kind = kind;
        this.heading = heading;
        this.line = line;
    }

    TopicDraft newTopic(String title, int topicLine) {
        TopicDraft t = new TopicDraft(title, topicLine);
        topics.add(t);
        return t;
    }

    TopicDraft lastTopic() {
        return topics.isEmpty() ? null : topics.get(topics.size() - 1);
    }

    ParsedSection freeze() {
        List<ParsedTopic> frozen = new ArrayList<>();
        for (TopicDraft t : topics) {
            frozen.add(t.freeze());
        }
        return new ParsedSection(kind, heading, line, TopicDraft.join(intro), TopicDraft.join(closing), frozen);
    }
}
