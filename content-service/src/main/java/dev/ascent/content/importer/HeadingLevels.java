package dev.ascent.content.importer;

import dev.ascent.content.importer.LongFormStructure.Row;
import dev.ascent.content.importer.LongFormStructure.Shape;
import dev.ascent.content.importer.LongFormStructure.Style;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which plain-text headings open top-level sections. The evidence, strongest first:
 * <ol>
 * <li><b>Style.</b> When the section headings are written in a style of their own (ALL CAPS, a trailing colon, or
 * numbered) and most headings in that style name a section kind, exactly the headings in that style are
 * sections.</li>
 * <li><b>Parents.</b> A heading that names a section kind and is followed by a sub-heading, directly or after an
 * intro paragraph, opens a section: top-level headings directly followed by a sub-heading ("Requirements", then
 * "Technical Skills") are as much sections as those with an intro.</li>
 * <li><b>Context.</b> Any other heading that names a section kind opens a section unless that kind usually sits
 * inside the current section ("Technical Skills" under Requirements, "Key Responsibilities" under Overview) and
 * that section is itself organised in sub-headings; a section that opened straight into a list is flat, so the
 * next vocabulary heading is its sibling.</li>
 * <li>A kind opens one section only; a later heading of the same kind is a topic (decided by the caller).</li>
 * </ol>
 * A document with no sign of two levels (no heading directly followed by a heading, no lead-in ending in ':'
 * followed by a heading) is flat: every heading from the vocabulary opens a section, and so does an unknown heading
 * with prose under it (OTHER), unless it is one of a run of "Heading / paragraph" topics. A heading outside the
 * vocabulary opens an OTHER section only when a lead-in ending in ':' and a sub-heading follow it. A vocabulary
 * heading followed by prose only, inside a run of such "Heading / paragraph" topics, stays a topic. All look-ups are precomputed, so deciding
 * costs O(1) per heading.
 */
final class HeadingLevels {
    private static final Map<SectionKind, Set<SectionKind>> CHILDREN = new EnumMap<>(SectionKind.class);

    static {
        CHILDREN.put(
                SectionKind.OVERVIEW,
                EnumSet.of(
                        SectionKind.RESPONSIBILITIES,
                        SectionKind.SKILLS,
                        SectionKind.SOFT_SKILLS,
                        SectionKind.REQUIREMENTS));
        CHILDREN.put(
                SectionKind.REQUIREMENTS,
                EnumSet.of(SectionKind.SKILLS, SectionKind.SOFT_SKILLS, SectionKind.RESPONSIBILITIES));
        CHILDREN.put(SectionKind.SKILLS, EnumSet.of(SectionKind.SOFT_SKILLS));
        CHILDREN.put(
                SectionKind.CAREER_DEVELOPMENT,
                EnumSet.of(
                        SectionKind.CAREER_PATHS,
                        SectionKind.SKILLS,
                        SectionKind.SOFT_SKILLS,
                        SectionKind.DEVELOPMENT_SUGGESTIONS));
        CHILDREN.put(
                SectionKind.MARKET_DEMAND,
                EnumSet.of(
                        SectionKind.SALARY, SectionKind.SKILLS, SectionKind.INDUSTRY_TRENDS, SectionKind.CAREER_PATHS));
        CHILDREN.put(SectionKind.INDUSTRY_TRENDS, EnumSet.of(SectionKind.SKILLS, SectionKind.MARKET_DEMAND));
    }

    private final List<Row> rows;
    /** For each row, the index of the first row after the paragraphs that follow it. */
    private final int[] afterIntro;

    private final boolean twoLevel;
    private final Style sectionStyle;

    HeadingLevels(List<Row> rows, int first) {
        this.rows = rows;
        this.afterIntro = new int[rows.size()];
        int nextNonParagraph = rows.size();
        for (int i = rows.size() - 1; i >= 0; i--) {
            afterIntro[i] = nextNonParagraph;
            if (rows.get(i).shape() != Shape.PARAGRAPH) {
                nextNonParagraph = i;
            }
        }
        this.twoLevel = detectTwoLevel(first);
        this.sectionStyle = detectStyle(first);
    }

    /** Whether heading row i (whose kind is unused so far) opens a section under the current section's kind. */
    boolean opensSection(
            int i, Optional<SectionKind> kind, SectionKind current, int sectionRow, boolean currentIsFlat) {
        Row row = rows.get(i);
        if (sectionStyle != null) {
            return row.style() == sectionStyle && (kind.isPresent() || directParent(i) || colonParent(i));
        }
        int after = afterIntro[i];
        boolean hasIntro = after > i + 1;
        if (!twoLevel) {
            return kind.isPresent() || (hasIntro && !continuesProseRun(i, sectionRow) && !startsProseRun(i));
        }
        if (kind.isEmpty()) {
            return colonParent(i);
        }
        if (directParent(i) || introParent(i)) {
            return true;
        }
        if (hasIntro && !isList(after) && continuesProseRun(i, sectionRow)) {
            return false;
        }
        return current == null
                || currentIsFlat
                || !CHILDREN.getOrDefault(current, Set.of()).contains(kind.get());
    }

    /**
     * True when heading i, followed by prose only, comes right after another heading followed by prose only (not
     * the section's own heading): a run of "Heading / paragraph" topics, which a vocabulary word does not break.
     */
    private boolean continuesProseRun(int i, int sectionRow) {
        int j = i - 1;
        while (j >= 0 && rows.get(j).shape() == Shape.PARAGRAPH) {
            j--;
        }
        return j >= 0 && j < i - 1 && j != sectionRow && isHeading(j) && afterIntro[j] == i;
    }

    /** Heading i and the heading after its prose are both unknown headings followed by prose only. */
    private boolean startsProseRun(int i) {
        int next = afterIntro[i];
        return isHeading(next) && LongFormStructure.kind(rows.get(next)).isEmpty() && afterIntro[next] > next + 1;
    }

    private boolean isList(int i) {
        return i < rows.size()
                && (rows.get(i).shape() == Shape.BULLET || rows.get(i).shape() == Shape.ITEM);
    }

    private boolean isHeading(int i) {
        return i < rows.size() && rows.get(i).shape() == Shape.HEADING;
    }

    private boolean directParent(int i) {
        return isHeading(i + 1);
    }

    /** Heading, lead-in ending in ':', heading. */
    private boolean colonParent(int i) {
        int after = afterIntro[i];
        return after > i + 1 && rows.get(after - 1).text().endsWith(":") && isHeading(after);
    }

    /**
     * Heading, intro, sub-heading. An intro that does not end in ':' only counts when the sub-heading is followed by
     * a list, because paragraph-only sub-topics ("Heading / paragraph" runs) look exactly like that otherwise.
     */
    private boolean introParent(int i) {
        int after = afterIntro[i];
        if (after == i + 1) {
            return false;
        }
        if (after >= rows.size()) {
            return true;
        }
        return colonParent(i) || (isHeading(after) && headsList(after));
    }

    /** True when heading row h is followed by a list, optionally after a lead-in ending in ':'. */
    private boolean headsList(int h) {
        int j = h + 1;
        if (j < rows.size()
                && rows.get(j).shape() == Shape.PARAGRAPH
                && rows.get(j).text().endsWith(":")) {
            j++;
        }
        return j < rows.size()
                && (rows.get(j).shape() == Shape.BULLET || rows.get(j).shape() == Shape.ITEM);
    }

    private boolean detectTwoLevel(int first) {
        for (int i = first; i < rows.size(); i++) {
            if (isHeading(i) && (colonParent(i) || directParent(i))) {
                return true;
            }
        }
        return false;
    }

    private Style detectStyle(int first) {
        Style style = rows.get(first).style();
        if (style == Style.PLAIN) {
            return null;
        }
        int headings = 0;
        int styled = 0;
        int named = 0;
        for (int i = first; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.shape() != Shape.HEADING) {
                continue;
            }
            headings++;
            if (r.style() == style) {
                styled++;
                if (LongFormStructure.kind(r).isPresent()) {
                    named++;
                }
            }
        }
        return styled >= 2 && named * 2 >= styled && styled < headings ? style : null;
    }
}
