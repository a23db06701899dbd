package dev.ascent.content.importer;

import java.util.List;

/**
 * Warns when the sections found look like a misread rather than the document's own outline: fewer than three
 * sections, or one section holding more than half of the lines read. Both usually mean headings
 * were taken for sub-headings (or the other way round), so the user should look at the outline before trusting it.
 */
final class StructureWarnings {
    static final int MIN_SECTIONS = 3;

    private StructureWarnings() {}

    static void add(List<ParsedSection> sections, List<ParseWarning> warnings) {
        if (sections.size() < MIN_SECTIONS) {
            warnings.add(new ParseWarning(
                    0,
                    "only " + sections.size() + (sections.size() == 1 ? " section was" : " sections were")
                            + " recognized (a guide usually has at least " + MIN_SECTIONS
                            + "); check that its headings were read as headings"));
        }
        if (sections.size() < MIN_SECTIONS) {
            // With one or two sections one of them holds most lines anyway; the warning above says enough.
            return;
        }
        int[] weights = new int[sections.size()];
        int total = 0;
        for (int i = 0; i < sections.size(); i++) {
            weights[i] = lines(sections.get(i));
            total += weights[i];
        }
        for (int i = 0; i < sections.size(); i++) {
            ParsedSection s = sections.get(i);
            if (weights[i] * 2 > total) {
                String name = s.heading().isEmpty()
                        ? "the untitled " + s.kind() + " section"
                        : "section \"" + s.heading() + "\"";
                warnings.add(new ParseWarning(
                        s.line(),
                        name + " (line " + s.line() + ") holds " + weights[i] + " of the guide's " + total
                                + " lines; headings after it may have been read as sub-headings"));
            }
        }
    }

    /** Lines of content a section holds: its heading, prose lines, topic titles and items. */
    private static int lines(ParsedSection s) {
        int n = 1 + count(s.intro()) + count(s.closing());
        for (ParsedTopic t : s.topics()) {
            n += (t.title().isEmpty() ? 0 : 1) + count(t.text()) + t.items().size();
        }
        return n;
    }

    private static int count(String prose) {
        if (prose.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < prose.length(); i++) {
            if (prose.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
