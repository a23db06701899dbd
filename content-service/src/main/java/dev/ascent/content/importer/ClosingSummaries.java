package dev.ascent.content.importer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Long-form sections often end with a wrap-up sentence that lost its line break and sits at the end of the last
 * bullet ("... integration By adhering to these practices, ..."). The sentence belongs to the section summary.
 * A split point is a space followed by a capital letter, after a full stop, or (in list items only) after a
 * lower-case content word, digit, ')' '+' or '%', where the rest is a full sentence that opens like a conclusion:
 * <ol>
 * <li>a wrap-up phrase ("In summary", "Overall", "By adhering", "Mastering these", "These ...");</li>
 * <li>in list items only: an article ("The ...", at least 12 words);</li>
 * <li>the role itself ("Senior Data Engineers play ...", at least 12 words): two or more capitalized words
 * whose last word, made singular, is a word of the title.</li>
 * </ol>
 * The earliest qualifying split wins; a split never leaves fewer than two words behind.
 */
final class ClosingSummaries {
    private static final Pattern OPENER = Pattern.compile("^(?:In (?:summary|conclusion|short|essence|closing|sum"
            + "|brief)\\b|Overall\\b|Ultimately\\b|Together\\b|Altogether\\b|Finally\\b|To (?:summarize|sum up"
            + "|conclude)\\b|Taken together\\b|By [a-z]+ing\\b|With (?:these|this|such)\\b|(?:These|This|Such)"
            + " [a-z]+|[A-Z][a-z]+ing (?:these|this|such|the above)\\b)");
    private static final Pattern ARTICLE = Pattern.compile("^(?:The|A|An) ");
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}+/-]+");
    // A sentence does not end on these words, so a capital after them is part of the same sentence.
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a",
            "an",
            "the",
            "for",
            "of",
            "to",
            "in",
            "with",
            "by",
            "as",
            "and",
            "or",
            "like",
            "among",
            "than",
            "from",
            "between",
            "at",
            "on",
            "into",
            "about",
            "via",
            "including",
            "such",
            "especially",
            "particularly",
            "both",
            "either",
            "nor");
    private static final int MIN_OPENER_WORDS = 6;
    private static final int MIN_OTHER_WORDS = 12;

    private final Set<String> titleWords;

    ClosingSummaries(String title) {
        this.titleWords = title == null
                ? Set.of()
                : Set.copyOf(List.of(title.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}+ ]", " ")
                        .trim()
                        .split("\\s+")));
    }

    /** Moves the wrap-up sentence at the end of the section, if any, into the section's closing prose. */
    void apply(SectionDraft section) {
        TopicDraft topic = section.lastTopic();
        if (topic == null) {
            return;
        }
        if (topic.endsWithItem()) {
            int last = topic.items.size() - 1;
            ParsedItem item = topic.items.get(last);
            int at = splitPoint(item.text(), true);
            if (at > 0) {
                topic.items.set(
                        last, new ParsedItem(item.text().substring(0, at).trim(), item.line()));
                section.closing.add(new TextLine(item.line(), item.text().substring(at)));
            }
        } else if (!topic.text.isEmpty()) {
            int last = topic.text.size() - 1;
            TextLine para = topic.text.get(last);
            if (OPENER.matcher(para.text()).find() && LineShapes.endsSentence(para.text())) {
                topic.text.remove(last);
                section.closing.add(para);
                return;
            }
            int at = splitPoint(para.text(), false);
            if (at > 0) {
                topic.text.set(
                        last,
                        new TextLine(para.line(), para.text().substring(0, at).trim()));
                section.closing.add(new TextLine(para.line(), para.text().substring(at)));
            }
        }
    }

    /**
     * Index where the glued wrap-up sentence starts, or -1. One pass: the words before each candidate are counted
     * as the scan goes, and every test on the rest of the line looks at a bounded window or a precomputed count,
     * so a megabyte-long line costs linear time.
     */
    int splitPoint(String text, boolean listItem) {
        // Every qualifying tail must end like a sentence, and every tail ends where the text ends.
        if (!LineShapes.endsSentence(text)) {
            return -1;
        }
        int totalWords = LineShapes.wordCount(text);
        int wordsBefore = 0;
        for (int p = 2; p < text.length(); p++) {
            char prev = text.charAt(p - 1);
            if (prev == ' ' && text.charAt(p - 2) != ' ') {
                wordsBefore++;
            }
            if (prev != ' ' || !Character.isUpperCase(text.charAt(p))) {
                continue;
            }
            char before = text.charAt(p - 2);
            boolean sentenceEnd = ".!?".indexOf(before) >= 0;
            // Prose keeps its punctuation, so only list items are searched for splits without a full stop.
            boolean glued = listItem
                    && (Character.isLowerCase(before) || Character.isDigit(before) || ")+%".indexOf(before) >= 0);
            if (!sentenceEnd && !glued) {
                continue;
            }
            if (!sentenceEnd && FUNCTION_WORDS.contains(wordEndingAt(text, p - 1))) {
                continue;
            }
            if (wordsBefore < 2) {
                continue;
            }
            if (qualifies(text, p, totalWords - wordsBefore, listItem)) {
                return p;
            }
        }
        return -1;
    }

    /** The lower-cased word that ends just before index {@code end} (exclusive). */
    private static String wordEndingAt(String text, int end) {
        int start = text.lastIndexOf(' ', end - 1) + 1;
        // Function words are short; a long run of letters is no function word and is not copied.
        return end - start > 12 ? "" : text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** Whether the text from {@code p} on (a full sentence, as checked by the caller) opens like a conclusion. */
    private boolean qualifies(String text, int p, int words, boolean listItem) {
        if (OPENER.matcher(text).region(p, text.length()).lookingAt()) {
            return words >= MIN_OPENER_WORDS;
        }
        if (words < MIN_OTHER_WORDS) {
            return false;
        }
        return (listItem && ARTICLE.matcher(text).region(p, text.length()).lookingAt()) || namesRole(text, p);
    }

    /** Two or more capitalized words from {@code p} whose last word, made singular, is a word of the title. */
    private boolean namesRole(String text, int p) {
        String last = null;
        int run = 0;
        int at = p;
        // A role name is a handful of words; reading more would only cost time on pathological lines.
        while (at < text.length() && run < 12) {
            int end = text.indexOf(' ', at);
            String word = text.substring(at, end < 0 ? text.length() : Math.min(end, at + 40));
            if (word.isEmpty()
                    || !Character.isUpperCase(word.charAt(0))
                    || !NAME_WORD.matcher(word).matches()) {
                break;
            }
            last = word;
            run++;
            if (end < 0) {
                break;
            }
            at = end + 1;
        }
        return run >= 2 && titleWords.contains(SkillKeys.singular(last.toLowerCase(Locale.ROOT)));
    }
}
