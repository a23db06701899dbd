package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Markdown or HTML blocks into sections. Markup states heading levels, so no layout guessing is needed:
 * <ul>
 * <li>the section level is the highest heading level at which some heading names a section kind;</li>
 * <li>a single heading above that level at the top of the document is its title;</li>
 * <li>headings at the section level (or above it, after the title) open sections, OTHER with a warning when they
 * name no kind; a kind already opened continues as a topic, as in text;</li>
 * <li>deeper headings, and paragraphs that are nothing but bold text, are topics;</li>
 * <li>list items at any depth are items; paragraphs before the first topic are the section's intro.</li>
 * </ul>
 */
final class MarkupStructure {

    private MarkupStructure() {}

    static LongFormStructure.Result read(
            List<MarkupBlock> blocks, List<ParseWarning> warnings, Cancellation cancellation) {
        int sectionLevel = sectionLevel(blocks);
        if (sectionLevel < 0) {
            return new LongFormStructure.Result(List.of(), null);
        }
        int start = 0;
        String titleLine = null;
        int firstHeading = firstHeading(blocks);
        if (firstHeading >= 0
                && blocks.get(firstHeading).level() < sectionLevel
                && SectionVocabulary.kindOf(blocks.get(firstHeading).text()).isEmpty()
                && countAtOrAbove(blocks, blocks.get(firstHeading).level()) == 1) {
            titleLine = blocks.get(firstHeading).text();
            start = firstHeading + 1;
        }
        Set<SectionKind> used = EnumSet.noneOf(SectionKind.class);
        List<SectionDraft> sections = new ArrayList<>();
        SectionDraft section = null;
        TopicDraft topic = null;
        for (int i = start; i < blocks.size(); i++) {
            cancellation.check();
            MarkupBlock b = blocks.get(i);
            if (b.kind() == MarkupBlock.Kind.HEADING && b.level() <= sectionLevel) {
                Optional<SectionKind> kind = SectionVocabulary.kindOf(b.text());
                if (kind.isPresent() && !used.add(kind.get()) && section != null) {
                    topic = section.newTopic(b.text(), b.line());
                    continue;
                }
                if (kind.isEmpty()) {
                    warnings.add(new ParseWarning(
                            b.line(),
                            "unrecognized section heading \"" + b.text() + "\" at line " + b.line()
                                    + " kept as OTHER"));
                }
                section = new SectionDraft(kind.orElse(SectionKind.OTHER), b.text(), b.line());
                sections.add(section);
                topic = null;
                continue;
            }
            if (section == null) {
                warnings.add(new ParseWarning(
                        b.line(),
                        "text before the first heading (line " + b.line() + ") kept as an untitled OTHER section"));
                section = new SectionDraft(SectionKind.OTHER, "", b.line());
                sections.add(section);
            }
            switch (b.kind()) {
                case HEADING -> topic = section.newTopic(b.text(), b.line());
                case ITEM -> {
                    topic = topic == null ? section.newTopic("", b.line()) : topic;
                    topic.items.add(new ParsedItem(b.text(), b.line()));
                }
                case PARAGRAPH -> {
                    if (topic == null && section.topics.isEmpty()) {
                        section.intro.add(new TextLine(b.line(), b.text()));
                    } else {
                        topic = topic == null ? section.newTopic("", b.line()) : topic;
                        topic.text.add(new TextLine(b.line(), b.text()));
                    }
                }
                default -> throw new IllegalStateException(b.kind().name());
            }
        }
        return new LongFormStructure.Result(sections, titleLine);
    }

    /** The smallest heading level at which a heading names a section kind, or -1. */
    private static int sectionLevel(List<MarkupBlock> blocks) {
        int level = Integer.MAX_VALUE;
        for (MarkupBlock b : blocks) {
            if (b.kind() == MarkupBlock.Kind.HEADING
                    && b.level() < level
                    && b.level() < MarkupBlock.PSEUDO_HEADING_LEVEL
                    && SectionVocabulary.kindOf(b.text()).isPresent()) {
                level = b.level();
            }
        }
        return level == Integer.MAX_VALUE ? -1 : level;
    }

    private static int firstHeading(List<MarkupBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).kind() == MarkupBlock.Kind.HEADING) {
                return i;
            }
        }
        return -1;
    }

    private static int countAtOrAbove(List<MarkupBlock> blocks, int level) {
        int n = 0;
        for (MarkupBlock b : blocks) {
            if (b.kind() == MarkupBlock.Kind.HEADING && b.level() <= level) {
                n++;
            }
        }
        return n;
    }
}
