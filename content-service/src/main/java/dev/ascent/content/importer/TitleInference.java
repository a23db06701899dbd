package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the role title in an overview sentence. Recognized openings: "The role of a X is", "As a X,", "A X plays",
 * and the plural "Xs (ACR) play" / "Xs specializing in Y play". The title is the run of capitalized words
 * (lower-case "of", "for", "in", "and" allowed between them), kept as written; plurals are made singular and a
 * parenthetical acronym after the title is dropped.
 */
final class TitleInference {
    private static final Pattern ROLE_OF = Pattern.compile("^The role of (?:a|an|the) ");
    private static final Pattern AS_A = Pattern.compile("^As (?:a|an) ");
    private static final Pattern ARTICLE = Pattern.compile("^(?:A|An) ");
    private static final Pattern QUALIFIER = Pattern.compile(
            "^(specializing|specialising|focused|focusing" + "|working|specialized|specialised) (in|on) ");
    private static final Pattern ACRONYM = Pattern.compile("^\\([A-Z][A-Za-z0-9/&+.-]{0,11}\\)");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "in", "and", "&");
    private static final int MAX_WORDS = 10;

    private TitleInference() {}

    static Optional<String> infer(String paragraph) {
        if (paragraph == null) {
            return Optional.empty();
        }
        String s = paragraph.trim();
        for (Pattern opening : List.of(ROLE_OF, AS_A, ARTICLE)) {
            Matcher m = opening.matcher(s);
            if (m.find()) {
                Phrase p = phrase(s, m.end(), false);
                if (p != null) {
                    return Optional.of(p.text);
                }
            }
        }
        Phrase plural = phrase(s, 0, true);
        return plural == null ? Optional.empty() : Optional.of(plural.text);
    }

    private record Phrase(String text, int end) {}

    /**
     * Reads the title starting at {@code from}. When {@code plural} is set the first capitalized run must end in
     * a plural noun, which is what tells "Data Engineers build ..." apart from an ordinary opening sentence.
     */
    private static Phrase phrase(String s, int from, boolean plural) {
        Phrase run = capitalizedRun(s, from);
        if (run == null) {
            return null;
        }
        String text = run.text;
        int end = run.end;
        if (plural) {
            String[] words = text.split(" ");
            String head = words[words.length - 1];
            String single = SkillKeys.singular(head);
            if (single.equals(head) || !head.endsWith("s")) {
                return null;
            }
            text = text.substring(0, text.length() - head.length()) + single;
        }
        String rest = s.substring(end).stripLeading();
        Matcher q = QUALIFIER.matcher(rest);
        if (q.find()) {
            Phrase domain = capitalizedRun(rest, q.end());
            if (domain != null) {
                text = text + " " + rest.substring(0, q.end()).trim() + " " + domain.text;
                rest = rest.substring(domain.end).stripLeading();
            }
        }
        Matcher acr = ACRONYM.matcher(rest);
        if (acr.find()) {
            rest = rest.substring(acr.end()).stripLeading();
        }
        // The title must be followed by a verb or clause, not by more of a heading or a list.
        if (rest.isEmpty() || !(Character.isLowerCase(rest.charAt(0)) || rest.charAt(0) == ',')) {
            return null;
        }
        return LineShapes.wordCount(text) <= MAX_WORDS ? new Phrase(text, end) : null;
    }

    private static Phrase capitalizedRun(String s, int from) {
        List<String> words = new ArrayList<>();
        int pos = from;
        int end = from;
        while (pos < s.length()) {
            int next = s.indexOf(' ', pos);
            String token = s.substring(pos, next < 0 ? s.length() : next);
            String word = token.replaceAll("[,;:.]+$", "");
            boolean capital = !word.isEmpty()
                    && (Character.isUpperCase(word.charAt(0))
                            || (Character.isDigit(word.charAt(0)) && word.length() > 1));
            boolean connector = CONNECTORS.contains(word) && !words.isEmpty();
            if (!capital && !connector || word.startsWith("(")) {
                break;
            }
            words.add(word);
            if (capital) {
                end = pos + word.length();
            }
            if (!word.equals(token) || next < 0) {
                break;
            }
            pos = next + 1;
        }
        while (!words.isEmpty() && CONNECTORS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words.isEmpty() ? null : new Phrase(String.join(" ", words), end);
    }
}
