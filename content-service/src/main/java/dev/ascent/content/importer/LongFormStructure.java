package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the long layout. Headings come in two levels that use the same vocabulary ("Key Responsibilities" can be
 * a sub-heading of Overview), so a heading only opens a section when the layout around it says so:
 * <ul>
 * <li>the first heading always opens a section;</li>
 * <li>in a two-level document (some heading is followed by a lead-in ending in ':' and then by another heading)
 * a section heading is followed by an intro paragraph and then by a sub-heading, never directly by a list;
 * an intro that does not end in ':' only counts when the next sub-heading is followed by a list, because
 * paragraph-only sub-topics ("Heading / paragraph" runs) look exactly like that otherwise;</li>
 * <li>in a flat document every heading from the vocabulary opens a section;</li>
 * <li>a kind already opened never restarts; the heading becomes a topic instead;</li>
 * <li>an unknown heading opens an OTHER section (with a warning) only when followed by an intro as above.</li>
 * </ul>
 */
final class LongFormStructure {
    enum Shape { HEADING, BULLET, ITEM, PARAGRAPH }

    /** A non-blank line; {@code number} is the list number for numbered lines, otherwise -1. */
    record Row(int line, Shape shape, String text, int number) {
    }

    record Result(List<SectionDraft> sections, String titleLine) {
    }

    private final List<Row> rows;
    private final List<ParseWarning> warnings;
    private final Set<SectionKind> used = EnumSet.noneOf(SectionKind.class);
    private boolean twoLevel;

    private LongFormStructure(List<Row> rows, List<ParseWarning> warnings) {
        this.rows = rows;
        this.warnings = warnings;
    }

    static Result read(List<String> lines, List<ParseWarning> warnings) {
        return new LongFormStructure(classify(lines), warnings).build();
    }

    static List<Row> classify(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
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
                boolean heading = LineShapes.headingLike(numbered[1]);
                rows.add(new Row(line, heading ? Shape.HEADING : Shape.ITEM, numbered[1],
                        Integer.parseInt(numbered[0])));
            } else if (LineShapes.headingLike(s)) {
                rows.add(new Row(line, Shape.HEADING, s, -1));
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
        if (first == 0 && first + 1 < rows.size() && rows.get(1).shape() == Shape.HEADING
                && kind(rows.get(0)).isEmpty() && kind(rows.get(1)).isPresent()) {
            titleLine = rows.get(0).text();
            first = 1;
        }
        twoLevel = detectTwoLevel(first);
        List<SectionDraft> sections = new ArrayList<>();
        SectionDraft section = first > (titleLine == null ? 0 : 1) ? preface(first, titleLine != null) : null;
        if (section != null) {
            sections.add(section);
        }
        TopicDraft topic = null;
        for (int i = first; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.shape() == Shape.HEADING && isSectionStart(i, first)) {
                section = openSection(row);
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
        warnings.add(new ParseWarning(start.line(), "text before the first heading (line " + start.line()
                + ") kept as an untitled OTHER section"));
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

    private SectionDraft openSection(Row row) {
        Optional<SectionKind> kind = kind(row);
        kind.ifPresent(used::add);
        if (kind.isEmpty()) {
            warnings.add(new ParseWarning(row.line(), "unrecognized section heading \"" + row.text()
                    + "\" at line " + row.line() + " kept as OTHER"));
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

    private boolean detectTwoLevel(int first) {
        for (int i = first + 1; i < rows.size(); i++) {
            int after = afterIntro(i);
            if (rows.get(i).shape() == Shape.HEADING && after > i + 1 && after < rows.size()
                    && rows.get(after - 1).text().endsWith(":") && rows.get(after).shape() == Shape.HEADING) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first row after the paragraphs that follow row i (i + 1 when there is no intro). */
    private int afterIntro(int i) {
        int j = i + 1;
        while (j < rows.size() && rows.get(j).shape() == Shape.PARAGRAPH) {
            j++;
        }
        return j;
    }

    private boolean isSectionStart(int i, int first) {
        if (i == first) {
            return true;
        }
        Optional<SectionKind> kind = kind(rows.get(i));
        if (kind.isPresent() && used.contains(kind.get())) {
            return false;
        }
        int after = afterIntro(i);
        boolean hasIntro = after > i + 1;
        if (!twoLevel) {
            return kind.isPresent() || hasIntro;
        }
        if (!hasIntro || (after < rows.size() && isList(rows.get(after)))) {
            return false;
        }
        boolean colonIntro = rows.get(after - 1).text().endsWith(":");
        if (kind.isEmpty()) {
            return colonIntro && after < rows.size() && rows.get(after).shape() == Shape.HEADING;
        }
        if (colonIntro || after >= rows.size()) {
            return true;
        }
        return headsList(after);
    }

    /** True when heading row h is followed by a list, optionally after a lead-in ending in ':'. */
    private boolean headsList(int h) {
        int j = h + 1;
        if (j < rows.size() && rows.get(j).shape() == Shape.PARAGRAPH && rows.get(j).text().endsWith(":")) {
            j++;
        }
        return j < rows.size() && isList(rows.get(j));
    }

    private static boolean isList(Row r) {
        return r.shape() == Shape.BULLET || r.shape() == Shape.ITEM;
    }

    private static Optional<SectionKind> kind(Row r) {
        return SectionVocabulary.kindOf(r.text());
    }
}
