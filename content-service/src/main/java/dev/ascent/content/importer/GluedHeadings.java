package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Short-form pages lose line breaks around headings: "Development SuggestionsBuild one project ..." and
 * "... measurable outcomes.Companies Hiring". A line is cut where a vocabulary heading ends and prose or another
 * heading begins, or where a heading-like phrase follows a sentence end with no space.
 */
final class GluedHeadings {
    private static final int MAX_HEADING = 80;

    private GluedHeadings() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        splitInto(text.trim(), out);
        return out;
    }

    private static void splitInto(String text, List<String> out) {
        if (text.isEmpty()) {
            return;
        }
        for (int p = 1; p < text.length(); p++) {
            if (!Character.isUpperCase(text.charAt(p))) {
                continue;
            }
            char before = text.charAt(p - 1);
            String head = text.substring(0, p).trim();
            String tail = text.substring(p).trim();
            if (p <= MAX_HEADING && Character.isLowerCase(before) && SectionVocabulary.isKnown(head)
                    && (LineShapes.paragraphLike(tail) || startsWithKnownHeading(tail))) {
                out.add(head);
                splitInto(tail, out);
                return;
            }
            if (tail.length() > MAX_HEADING) {
                continue;
            }
            boolean sentenceEnd = ".!?".indexOf(before) >= 0;
            if ((sentenceEnd && LineShapes.headingLike(tail) && LineShapes.wordCount(tail) <= 6)
                    || (Character.isLowerCase(before) && SectionVocabulary.isKnown(tail)
                    && LineShapes.paragraphLike(head))) {
                splitInto(head, out);
                out.add(tail);
                return;
            }
        }
        out.add(text);
    }

    private static boolean startsWithKnownHeading(String text) {
        for (int p = 1; p <= text.length(); p++) {
            boolean boundary = p == text.length() || (Character.isUpperCase(text.charAt(p))
                    && Character.isLowerCase(text.charAt(p - 1)));
            if (boundary && SectionVocabulary.isKnown(text.substring(0, p))) {
                return true;
            }
        }
        return false;
    }
}
