package dev.ascent.content.importer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Character-level judgements about single lines, shared by both layouts. */
final class LineShapes {
    private static final Pattern BULLET = Pattern.compile("^(?:[-*\u2013]\\s+|\u2022\\s*)(\\S.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})[.)]\\s+(\\S.*)$");
    private static final Pattern BARE_NUMBER = Pattern.compile("^(\\d{1,2})[.)]?$");
    // "Entry: $120,000" style lines are list entries even without a bullet marker.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern KEY_VALUE = Pattern.compile("^[A-Z][^:]{0,40}:\\s+\\S.*$");
    private static final Set<String> SMALL_WORDS = Set.of(
            "a", "an", "the", "and", "or", "of", "for", "in", "on", "to", "with", "under", "from", "by", "at", "as",
            "into", "via", "vs", "per", "amid", "&");

    private LineShapes() {}

    /** Tabs and repeated blanks collapse so lines compare equal however they were indented. */
    static String clean(String raw) {
        // Most lines need no change; finding that out without a regular expression keeps big documents cheap.
        boolean plain = true;
        for (int i = 0; i < raw.length() && plain; i++) {
            char c = raw.charAt(i);
            plain = c != '\t'
                    && c != '\u00A0'
                    && (c != ' ' || (i + 1 < raw.length() && raw.charAt(i + 1) != ' '))
                    && !(Character.isWhitespace(c) && c != ' ');
        }
        return plain ? raw.trim() : WHITESPACE.matcher(raw).replaceAll(" ").trim();
    }

    static boolean isBlank(String cleaned) {
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c != '-' && c != '=' && c != '_' && c != '*') {
                return false;
            }
        }
        return true;
    }

    /** Text after a bullet marker, or null when the line is not a bullet. */
    static String bulletText(String cleaned) {
        Matcher m = BULLET.matcher(cleaned);
        return m.matches() ? m.group(1).trim() : null;
    }

    /** [number, text] for "4. Something", or null. */
    static String[] numbered(String cleaned) {
        Matcher m = NUMBERED.matcher(cleaned);
        return m.matches() ? new String[] {m.group(1), m.group(2).trim()} : null;
    }

    /** The number on a line that holds nothing else (short-form step markers), or -1. */
    static int bareNumber(String cleaned) {
        Matcher m = BARE_NUMBER.matcher(cleaned);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    static boolean isKeyValue(String cleaned) {
        if (!KEY_VALUE.matcher(cleaned).matches() || cleaned.endsWith(":")) {
            return false;
        }
        String label = cleaned.substring(0, cleaned.indexOf(':'));
        return wordCount(label) <= 5;
    }

    static int wordCount(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    static boolean endsSentence(String s) {
        return !s.isEmpty() && ".!?".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /**
     * A short, title-cased line without closing punctuation. Label/value lines and money lines are excluded so
     * that "Entry: $100,000" never opens a section.
     */
    static boolean headingLike(String s) {
        if (s.isEmpty() || s.length() > 80 || wordCount(s) > 10) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (".,;:!?".indexOf(last) >= 0 || s.contains(": ") || s.contains("$")) {
            return false;
        }
        char first = s.charAt(0);
        boolean camelStart = Character.isLowerCase(first) && s.length() > 1 && Character.isUpperCase(s.charAt(1));
        if (!Character.isUpperCase(first) && !camelStart) {
            return false;
        }
        int significant = 0;
        int capitalized = 0;
        for (int start = 0; start < s.length(); ) {
            int end = s.indexOf(' ', start);
            end = end < 0 ? s.length() : end;
            int from = start;
            while (from < end && "(\"'[".indexOf(s.charAt(from)) >= 0) {
                from++;
            }
            String word = s.substring(from, end);
            start = end + 1;
            if (word.isEmpty() || SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            significant++;
            char c = word.charAt(0);
            if (Character.isUpperCase(c)
                    || Character.isDigit(c)
                    || (word.length() > 1 && Character.isUpperCase(word.charAt(1)))) {
                capitalized++;
            }
        }
        return significant > 0 && capitalized * 10 >= significant * 6;
    }

    /** The text without one trailing colon: "Requirements:" names the same heading as "Requirements". */
    static String withoutColon(String s) {
        return s.endsWith(":") ? s.substring(0, s.length() - 1).trim() : s;
    }

    /** Written in capitals ("REQUIREMENTS", "CAREER PATHS"): at least four letters and no lower-case one. */
    static boolean allCaps(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 4;
    }

    /** Prose rather than a list entry: ends like a sentence, or is too long and lower-case to be a name. */
    static boolean paragraphLike(String s) {
        if (endsSentence(s) || s.endsWith(":")) {
            return true;
        }
        return wordCount(s) >= 10 && !headingLike(s) && !s.matches(".*\\p{Ll}\\p{Lu}.*");
    }
}
