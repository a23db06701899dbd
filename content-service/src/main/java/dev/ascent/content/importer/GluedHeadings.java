package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Short-form pages lose line breaks around headings: "Development SuggestionsBuild one project ..." and
 * "... measurable outcomes.Companies Hiring". A line is cut where a vocabulary heading ends and prose or another
 * heading begins, or where a heading-like phrase follows a sentence end with no space.
 *
 * <p>Headings are at most {@value #MAX_HEADING} characters, so only the first and the last {@value #MAX_HEADING}
 * positions of a piece can be cut points, and the tests on the (possibly huge) rest of the line use counts
 * computed once per line ({@link Prose}): splitting is linear in the line's length however many headings are glued.
 */
final class GluedHeadings {
    private static final int MAX_HEADING = 80;

    private GluedHeadings() {}

    static List<String> split(String text) {
        return split(text, Cancellation.NONE);
    }

    static List<String> split(String text, Cancellation cancellation) {
        List<String> out = new ArrayList<>();
        String t = text.trim();
        Prose prose = new Prose(t);
        List<String> tails = new ArrayList<>();
        int from = 0;
        int to = t.length();
        // Cuts found at the start are emitted in order; cuts found at the end are collected and emitted last.
        while (from < to) {
            cancellation.check();
            int[] cut = cut(t, from, to, prose);
            if (cut == null) {
                out.add(t.substring(from, to).trim());
                break;
            }
            if (cut[1] == 0) {
                out.add(t.substring(from, cut[0]).trim());
                from = skipSpaces(t, cut[0], to);
            } else {
                tails.add(t.substring(cut[0], to).trim());
                to = cut[0];
                while (to > from && t.charAt(to - 1) == ' ') {
                    to--;
                }
            }
        }
        for (int i = tails.size() - 1; i >= 0; i--) {
            out.add(tails.get(i));
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    private static int skipSpaces(String t, int at, int to) {
        while (at < to && t.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    /**
     * The first cut point in t[from, to): {p, 0} when a heading ends at p (the rest is prose or a heading), {p, 1}
     * when a heading starts at p and runs to the end; null when there is none.
     */
    private static int[] cut(String t, int from, int to, Prose prose) {
        int len = to - from;
        int lastFront = Math.min(MAX_HEADING, len - 1);
        int firstBack = Math.max(lastFront + 1, len - MAX_HEADING - 1);
        for (int q = 1; q < len; q = q == lastFront ? Math.max(q + 1, firstBack) : q + 1) {
            int p = from + q;
            if (!Character.isUpperCase(t.charAt(p))) {
                continue;
            }
            char before = t.charAt(p - 1);
            if (q <= MAX_HEADING && Character.isLowerCase(before)) {
                String head = t.substring(from, p).trim();
                if (SectionVocabulary.isKnown(head)
                        && (prose.paragraphLike(p, to) || startsWithKnownHeading(t, p, to))) {
                    return new int[] {p, 0};
                }
            }
            if (to - p > MAX_HEADING) {
                continue;
            }
            String tail = t.substring(p, to).trim();
            boolean sentenceEnd = ".!?".indexOf(before) >= 0;
            if ((sentenceEnd && LineShapes.headingLike(tail) && LineShapes.wordCount(tail) <= 6)
                    || (Character.isLowerCase(before)
                            && SectionVocabulary.isKnown(tail)
                            && prose.paragraphLike(from, p))) {
                return new int[] {p, 1};
            }
        }
        return null;
    }

    private static boolean startsWithKnownHeading(String t, int from, int to) {
        int end = Math.min(to, from + MAX_HEADING);
        for (int p = from + 1; p <= end; p++) {
            boolean boundary =
                    p == to || (Character.isUpperCase(t.charAt(p)) && Character.isLowerCase(t.charAt(p - 1)));
            if (boundary && SectionVocabulary.isKnown(t.substring(from, p))) {
                return true;
            }
        }
        return false;
    }

    /** {@link LineShapes#paragraphLike} for any piece t[from, to) of one line, in time bounded by a heading's length. */
    static final class Prose {
        private final String t;
        /** Lower-case letters directly followed by an upper-case one ("dS"), counted before each index. */
        private final int[] gluesBefore;
        /** Words that start before each index. */
        private final int[] wordsBefore;

        Prose(String t) {
            this.t = t;
            gluesBefore = new int[t.length() + 1];
            wordsBefore = new int[t.length() + 1];
            for (int i = 0; i < t.length(); i++) {
                boolean glue = i + 1 < t.length()
                        && Character.isLowerCase(t.charAt(i))
                        && Character.isUpperCase(t.charAt(i + 1));
                gluesBefore[i + 1] = gluesBefore[i] + (glue ? 1 : 0);
                boolean wordStart =
                        !Character.isWhitespace(t.charAt(i)) && (i == 0 || Character.isWhitespace(t.charAt(i - 1)));
                wordsBefore[i + 1] = wordsBefore[i] + (wordStart ? 1 : 0);
            }
        }

        boolean paragraphLike(int from, int to) {
            while (from < to && t.charAt(from) == ' ') {
                from++;
            }
            while (to > from && t.charAt(to - 1) == ' ') {
                to--;
            }
            if (from >= to) {
                return false;
            }
            char last = t.charAt(to - 1);
            if (".!?:".indexOf(last) >= 0) {
                return true;
            }
            int words = wordsBefore[to] - wordsBefore[from];
            boolean heading = to - from <= MAX_HEADING && LineShapes.headingLike(t.substring(from, to));
            boolean glued = gluesBefore[to - 1] - gluesBefore[from] > 0;
            return words >= 10 && !heading && !glued;
        }
    }
}
