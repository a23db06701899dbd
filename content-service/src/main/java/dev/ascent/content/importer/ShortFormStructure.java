package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the short "Career Guide" layout: title on line 1, "Career Guide" at the start of line 2 (usually glued to
 * the first heading). Vocabulary headings open sections (a kind seen before becomes a topic); template labels
 * such as "Can Lead To" are topics. A heading-like line that is not in the vocabulary is a topic when a list or
 * prose follows it, and an OTHER section (with a warning) when a sub-heading follows it. Bare lines are list
 * items, split when they were run together; numbered steps are repaired by {@link NumberedSteps}.
 */
final class ShortFormStructure {
    static final String MARKER = "career guide";

    private record Segment(int line, String text) {}

    private final List<ParseWarning> warnings;
    private final Cancellation cancellation;
    private final Set<SectionKind> used = EnumSet.noneOf(SectionKind.class);
    private final List<SectionDraft> sections = new ArrayList<>();
    private SectionDraft section;
    private TopicDraft topic;
    private NumberedSteps steps;
    // A label after a bare list entry belongs to the same section; the entry is not a group heading.
    private boolean lastWasBareItem;

    private ShortFormStructure(List<ParseWarning> warnings, Cancellation cancellation) {
        this.warnings = warnings;
        this.cancellation = cancellation;
    }

    /** True when the first line is followed by a line that starts with "Career Guide". */
    static boolean matches(List<String> lines) {
        return lines.size() >= 2
                && !LineShapes.clean(lines.get(0)).isEmpty()
                && LineShapes.clean(lines.get(1)).toLowerCase(Locale.ROOT).startsWith(MARKER);
    }

    static List<SectionDraft> read(List<String> lines, List<ParseWarning> warnings, Cancellation cancellation) {
        ShortFormStructure s = new ShortFormStructure(warnings, cancellation);
        s.build(segments(lines, cancellation), cancellation);
        return s.sections;
    }

    private static List<Segment> segments(List<String> lines, Cancellation cancellation) {
        List<Segment> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            cancellation.check();
            String text = LineShapes.clean(lines.get(i));
            if (i == 1) {
                text = text.substring(MARKER.length()).trim();
            }
            if (LineShapes.isBlank(text)) {
                continue;
            }
            boolean bullet = LineShapes.bulletText(text) != null;
            for (String piece : bullet ? List.of(text) : GluedHeadings.split(text, cancellation)) {
                out.add(new Segment(i + 1, piece));
            }
        }
        return out;
    }

    private void build(List<Segment> segs, Cancellation cancellation) {
        for (int i = 0; i < segs.size(); i++) {
            cancellation.check();
            Segment seg = segs.get(i);
            Segment next = i + 1 < segs.size() ? segs.get(i + 1) : null;
            String text = seg.text();
            String bullet = LineShapes.bulletText(text);
            int number = LineShapes.bareNumber(text);
            Optional<SectionKind> kind = SectionVocabulary.kindOf(text);
            boolean afterBareItem = lastWasBareItem;
            lastWasBareItem = false;
            if (bullet != null) {
                addItem(bullet, seg.line());
            } else if (number >= 0) {
                steps = new NumberedSteps(number);
            } else if (LineShapes.headingLike(text) && kind.isPresent()) {
                if (used.add(kind.get())) {
                    openSection(kind.get(), text, seg.line());
                } else {
                    openTopic(text, seg.line());
                }
            } else if (LineShapes.headingLike(text) && SectionVocabulary.isLabel(text)) {
                openTopic(text, seg.line());
            } else if (steps != null || NumberedSteps.opensList(text)) {
                addListLine(text, seg.line());
            } else if (headingCandidate(text) && !afterBareItem && next != null && isSubHeading(next.text())) {
                warnings.add(new ParseWarning(
                        seg.line(),
                        "unrecognized section heading \"" + text + "\" at line " + seg.line() + " kept as OTHER"));
                openSection(SectionKind.OTHER, text, seg.line());
            } else if (headingCandidate(text) && next != null && introducesContent(next.text())) {
                openTopic(text, seg.line());
            } else if (LineShapes.paragraphLike(text)) {
                addProse(text, seg.line());
            } else {
                addListLine(text, seg.line());
            }
        }
    }

    /** Heading-shaped and not a run-together list line. */
    private static boolean headingCandidate(String text) {
        return LineShapes.headingLike(text) && RunTogether.split(text).size() == 1;
    }

    private static boolean isSubHeading(String text) {
        return LineShapes.headingLike(text) && SectionVocabulary.isLabel(text);
    }

    /** Bare list entries are never followed by bullets, step numbers or prose; headings are. */
    private static boolean introducesContent(String text) {
        return LineShapes.bulletText(text) != null
                || LineShapes.bareNumber(text) >= 0
                || (LineShapes.paragraphLike(text) && !LineShapes.headingLike(text));
    }

    private void openSection(SectionKind kind, String heading, int line) {
        section = new SectionDraft(kind, heading, line);
        sections.add(section);
        topic = null;
        steps = null;
    }

    private void openTopic(String title, int line) {
        ensureSection(line);
        topic = section.newTopic(title, line);
        steps = null;
    }

    private void ensureSection(int line) {
        if (section == null) {
            warnings.add(new ParseWarning(
                    line, "text before the first heading (line " + line + ") kept as an untitled OTHER section"));
            openSection(SectionKind.OTHER, "", line);
        }
    }

    private void addProse(String text, int line) {
        ensureSection(line);
        if (topic == null && section.topics.isEmpty()) {
            section.intro.add(new TextLine(line, text));
            return;
        }
        if (topic == null) {
            topic = section.newTopic("", line);
        }
        topic.text.add(new TextLine(line, text));
    }

    private void addItem(String text, int line) {
        ensureSection(line);
        if (topic == null) {
            topic = section.newTopic("", line);
        }
        topic.items.add(new ParsedItem(text, line));
    }

    private void addListLine(String text, int line) {
        if (steps == null && NumberedSteps.opensList(text)) {
            steps = new NumberedSteps(1);
        }
        lastWasBareItem = steps == null;
        List<String> parts = steps != null ? steps.take(text) : RunTogether.split(text, cancellation);
        for (String part : parts) {
            addItem(part, line);
        }
    }
}
