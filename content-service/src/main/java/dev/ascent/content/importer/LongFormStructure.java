package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the long layout of plain text. Headings come in two levels that share one vocabulary ("Key
 * Responsibilities" can be a sub-heading of Overview), so the level of a heading comes from context, never from
 * whether an intro paragraph happens to follow it ({@link HeadingLevels} holds the rules). Every pass over the rows
 * is linear, and the caller's {@link Cancellation} is checked once per row.
 */
final class LongFormStructure {
    enum Shape {
        HEADING,
        BULLET,
        ITEM,
        PARAGRAPH
    }

    /** How a heading is written; a document that writes its section headings differently from the rest says so. */
    enum Style {
        PLAIN,
        CAPS,
        COLON,
        NUMBERED
    }

    /** A non-blank line; {@code number} is the list number for numbered lines, otherwise -1. */
    record Row(int line, Shape shape, String text, int number, Style style) {
        Row(int line, Shape shape, String text, int number) {
            this(line, shape, text, number, Style.PLAIN);
        }
    }

    record Result(List<SectionDraft> sections, String titleLine) {}

    private final List<Row> rows;
    private final List<ParseWarning> warnings;
    private final Cancellation cancellation;
    private final Set<SectionKind> used = EnumSet.noneOf(SectionKind.class);

    private LongFormStructure(List<Row> rows, List<ParseWarning> warnings, Cancellation cancellation) {
        this.rows = rows;
        this.warnings = warnings;
        this.cancellation = cancellation;
    }

    static Result read(List<String> lines, List<ParseWarning> warnings, Cancellation cancellation) {
        return new LongFormStructure(classify(lines, cancellation), warnings, cancellation).build();
    }

    static List<Row> classify(List<String> lines, Cancellation cancellation) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            cancellation.check();
            String s = LineShapes.clean(lines.get(i));
            if (LineShapes.isBlank(s)) {
                continue;
            }
            int line = i + 1;
            String bullet = LineShapes.bulletText(s);
            String[] numbered = LineShapes.numbered(s);
            if (bullet != null) {
                rows.add(new Row(line, Shape.BULLET, bullet, -1));
            } else if (numbered != null) {
                String text = LineShapes.withoutColon(numbered[1]);
                boolean heading = LineShapes.headingLike(text) && !LineShapes.endsSentence(numbered[1]);
                rows.add(new Row(
                        line,
                        heading ? Shape.HEADING : Shape.ITEM,
                        heading ? text : numbered[1],
                        Integer.parseInt(numbered[0]),
                        heading ? Style.NUMBERED : Style.PLAIN));
            } else if (LineShapes.headingLike(s)) {
                rows.add(new Row(line, Shape.HEADING, s, -1, LineShapes.allCaps(s) ? Style.CAPS : Style.PLAIN));
            } else if (s.endsWith(":") && LineShapes.headingLike(LineShapes.withoutColon(s))) {
                String text = LineShapes.withoutColon(s);
                rows.add(new Row(line, Shape.HEADING, text, -1, LineShapes.allCaps(text) ? Style.CAPS : Style.COLON));
            } else if (LineShapes.isKeyValue(s)) {
                rows.add(new Row(line, Shape.ITEM, s, -1));
            } else {
                rows.add(new Row(line, Shape.PARAGRAPH, s, -1));
            }
        }
        return rows;
    }

    private Result build() {
        int first = firstHeading();
        if (first < 0) {
            return new Result(List.of(), null);
        }
        String titleLine = null;
        // A lone unknown line right before a vocabulary heading is the document's own title, not a section.
        if (first == 0
                && first + 1 < rows.size()
                && rows.get(1).shape() == Shape.HEADING
                && kind(rows.get(0)).isEmpty()
                && kind(rows.get(1)).isPresent()) {
            titleLine = rows.get(0).text();
            first = 1;
        }
        HeadingLevels levels = new HeadingLevels(rows, first);
        List<SectionDraft> sections = new ArrayList<>();
        SectionDraft section = first > (titleLine == null ? 0 : 1) ? preface(first, titleLine != null) : null;
        if (section != null) {
            sections.add(section);
        }
        TopicDraft topic = null;
        int sectionRow = -1;
        for (int i = first; i < rows.size(); i++) {
            cancellation.check();
            Row row = rows.get(i);
            Optional<SectionKind> kind = row.shape() == Shape.HEADING ? kind(row) : Optional.empty();
            boolean repeated = kind.isPresent() && used.contains(kind.get());
            SectionKind current = section == null ? null : section.kind;
            if (row.shape() == Shape.HEADING
                    && (i == first
                            || (!repeated
                                    && levels.opensSection(
                                            i,
                                            kind,
                                            current,
                                            sectionRow,
                                            section != null
                                                    && !section.topics.isEmpty()
                                                    && section.topics
                                                            .get(0)
                                                            .title
                                                            .isEmpty())))) {
                section = openSection(row, kind);
                sectionRow = i;
                sections.add(section);
                topic = null;
                while (i + 1 < rows.size() && rows.get(i + 1).shape() == Shape.PARAGRAPH) {
                    Row intro = rows.get(++i);
                    section.intro.add(new TextLine(intro.line(), intro.text()));
                }
            } else if (row.shape() == Shape.HEADING) {
                topic = section.newTopic(row.text(), row.line());
            } else if (row.shape() == Shape.PARAGRAPH) {
                if (topic == null && section.topics.isEmpty()) {
                    section.intro.add(new TextLine(row.line(), row.text()));
                } else {
                    topic = topic == null ? section.newTopic("", row.line()) : topic;
                    topic.text.add(new TextLine(row.line(), row.text()));
                }
            } else {
                topic = topic == null ? section.newTopic("", row.line()) : topic;
                addItems(topic, row);
            }
        }
        return new Result(sections, titleLine);
    }

    private static void addItems(TopicDraft topic, Row row) {
        if (row.number() < 0) {
            topic.items.add(new ParsedItem(row.text(), row.line()));
            return;
        }
        for (String step : new NumberedSteps(row.number()).take(row.text())) {
            topic.items.add(new ParsedItem(step, row.line()));
        }
    }

    private SectionDraft preface(int first, boolean skipTitle) {
        int from = skipTitle ? 1 : 0;
        Row start = rows.get(from);
        warnings.add(new ParseWarning(
                start.line(),
                "text before the first heading (line " + start.line() + ") kept as an untitled OTHER section"));
        SectionDraft s = new SectionDraft(SectionKind.OTHER, "", start.line());
        TopicDraft topic = null;
        for (int i = from; i < first; i++) {
            Row r = rows.get(i);
            if (r.shape() == Shape.PARAGRAPH && topic == null) {
                s.intro.add(new TextLine(r.line(), r.text()));
            } else {
                topic = topic == null ? s.newTopic("", r.line()) : topic;
                if (r.shape() == Shape.PARAGRAPH) {
                    topic.text.add(new TextLine(r.line(), r.text()));
                } else {
                    addItems(topic, r);
                }
            }
        }
        return s;
    }

    private SectionDraft openSection(Row row, Optional<SectionKind> kind) {
        kind.ifPresent(used::add);
        if (kind.isEmpty()) {
            warnings.add(new ParseWarning(
                    row.line(),
                    "unrecognized section heading \"" + row.text() + "\" at line " + row.line() + " kept as OTHER"));
        }
        return new SectionDraft(kind.orElse(SectionKind.OTHER), row.text(), row.line());
    }

    private int firstHeading() {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).shape() == Shape.HEADING) {
                return i;
            }
        }
        return -1;
    }

    static Optional<SectionKind> kind(Row r) {
        return SectionVocabulary.kindOf(r.text());
    }
}
