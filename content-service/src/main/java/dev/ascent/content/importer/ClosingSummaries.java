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
    // A sentence does not end on these words, so a capital after them is part of the same sentence.
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "for", "of", "to", "in", "with",
            "by", "as", "and", "or", "like", "among", "than", "from", "between", "at", "on", "into", "about", "via",
            "including", "such", "especially", "particularly", "both", "either", "nor");
    private static final int MIN_OPENER_WORDS = 6;
    private static final int MIN_OTHER_WORDS = 12;

    private final Set<String> titleWords;

    ClosingSummaries(String title) {
        this.titleWords = title == null ? Set.of() : Set.copyOf(List.of(
                title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+ ]", " ").trim().split("\\s+")));
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
                topic.items.set(last, new ParsedItem(item.text().substring(0, at).trim(), item.line()));
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
                topic.text.set(last, new TextLine(para.line(), para.text().substring(0, at).trim()));
                section.closing.add(new TextLine(para.line(), para.text().substring(at)));
            }
        }
    }

    /** Index where the glued wrap-up sentence starts, or -1. */
    int splitPoint(String text, boolean listItem) {
        for (int p = 2; p < text.length(); p++) {
            if (text.charAt(p - 1) != ' ' || !Character.isUpperCase(text.charAt(p))) {
                continue;
            }
            char before = text.charAt(p - 2);
            boolean sentenceEnd = ".!?".indexOf(before) >= 0;
            // Prose keeps its punctuation, so only list items are searched for splits without a full stop.
            boolean glued = listItem && (Character.isLowerCase(before) || Character.isDigit(before)
                    || ")+%".indexOf(before) >= 0);
            if (!sentenceEnd && !glued) {
                continue;
            }
            if (!sentenceEnd && FUNCTION_WORDS.contains(lastWord(text.substring(0, p - 1)))) {
                continue;
            }
            if (LineShapes.wordCount(text.substring(0, p)) < 2) {
                continue;
            }
            String tail = text.substring(p);
            if (qualifies(tail, listItem)) {
                return p;
            }
        }
        return -1;
    }

    private static String lastWord(String head) {
        int space = head.lastIndexOf(' ');
        return head.substring(space + 1).toLowerCase(Locale.ROOT);
    }

    private boolean qualifies(String tail, boolean listItem) {
        if (!LineShapes.endsSentence(tail)) {
            return false;
        }
        int words = LineShapes.wordCount(tail);
        if (OPENER.matcher(tail).find()) {
            return words >= MIN_OPENER_WORDS;
        }
        if (words < MIN_OTHER_WORDS) {
            return false;
        }
        return (listItem && ARTICLE.matcher(tail).find()) || namesRole(tail);
    }

    private boolean namesRole(String tail) {
        String[] words = tail.split("\\s+");
        int run = 0;
        while (run < words.length && !words[run].isEmpty() && Character.isUpperCase(words[run].charAt(0))
                && words[run].matches("[\\p{L}+/-]+")) {
            run++;
        }
        if (run < 2) {
            return false;
        }
        String head = SkillKeys.singular(words[run - 1].toLowerCase(Locale.ROOT));
        return titleWords.contains(head);
    }
}
