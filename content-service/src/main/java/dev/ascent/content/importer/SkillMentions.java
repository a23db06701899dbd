package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects skill names. Sources: items of SKILLS and SKILL_GAPS sections, items of REQUIREMENTS topics whose title is
 * a skills heading ("Technical Skills"), and titles of SKILLS topics that hold no list (the title is the skill the
 * prose explains); topics about companies, examples or expectations are skipped. From an item it takes, in order of
 * preference: the names listed after a colon when they are mostly capitalized ("Frameworks: A, B, C"), the names
 * in the label ("PyTorch or TensorFlow: ...", "Cloud platforms (AWS or GCP): ..."), else the label itself unless it
 * names a group ("Python: strong coding" gives Python, "Specialized areas: ..." nothing); names enumerated in
 * parentheses or after "such as"/"like"/"including"; the whole item when it is a short phrase, split when it joins
 * single names ("Go or Python"). A part that runs on into a clause keeps only its name ("JavaScript when
 * performance ..." gives JavaScript), and anything with clause words ("requires", "it", "their") is no name: long
 * sentences yield nothing rather than a sentence posing as a skill. Precision on the project's guides is measured by
 * SkillPrecisionTest.
 */
final class SkillMentions {
    private static final int MAX_NAME_WORDS = 5;
    private static final int MAX_PART_WORDS = 3;
    private static final Pattern PARENS = Pattern.compile("\\(([^()]+)\\)");
    // Words that make a phrase a piece of a sentence rather than a name.
    private static final Set<String> CLAUSE_WORDS = Set.of(
            "when",
            "whenever",
            "where",
            "while",
            "if",
            "unless",
            "because",
            "since",
            "requires",
            "require",
            "required",
            "needs",
            "need",
            "it",
            "its",
            "they",
            "them",
            "this",
            "that",
            "these",
            "those",
            "which",
            "who",
            "is",
            "are",
            "was",
            "be",
            "been",
            "can",
            "could",
            "should",
            "must",
            "will",
            "would",
            "may",
            "might",
            "does",
            "you",
            "your",
            "we",
            "our",
            "than",
            "very",
            "etc",
            "their",
            "his",
            "her",
            "equivalent",
            "equivalents",
            "similar",
            "alike");
    private static final Set<String> CONNECTORS =
            Set.of("and", "or", "of", "for", "with", "to", "in", "on", "the", "a", "an", "e.g.", "i.e.");
    // Last words of group labels: "Core Tools", "Programming Languages", "Specialized areas".
    private static final Set<String> CATEGORIES = Set.of(
            "tools",
            "languages",
            "frameworks",
            "libraries",
            "platforms",
            "technologies",
            "skills",
            "areas",
            "competencies",
            "practices",
            "tooling",
            "knowledge",
            "infrastructure",
            "stack",
            "topics",
            "domains",
            "abilities",
            "requirements",
            "others",
            "other",
            "misc",
            "miscellaneous",
            "general",
            "additional",
            "extras");
    // Topics about employers, examples or expectations list companies and asks, not skills.
    private static final Pattern NOT_SKILL_TOPIC = Pattern.compile("(?i)\\b(?:compan(?:y|ies)|employers?|examples?"
            + "|expectations?|asks|hiring|salar(?:y|ies)|certifications?)\\b");
    private static final Pattern SUCH_AS = Pattern.compile("\\b(?:such as|like|including)\\s+([^.;()]+)");

    private SkillMentions() {}

    static List<ParsedSkillMention> collect(List<ParsedSection> sections) {
        return collect(sections, Cancellation.NONE);
    }

    static List<ParsedSkillMention> collect(List<ParsedSection> sections, Cancellation cancellation) {
        List<ParsedSkillMention> out = new ArrayList<>();
        for (ParsedSection s : sections) {
            for (ParsedTopic t : s.topics()) {
                cancellation.check();
                boolean skillTopic = s.kind() == SectionKind.REQUIREMENTS
                        && SectionVocabulary.kindOf(t.title()).orElse(null) == SectionKind.SKILLS;
                boolean use = s.kind() == SectionKind.SKILLS || s.kind() == SectionKind.SKILL_GAPS || skillTopic;
                if (!use) {
                    continue;
                }
                if (NOT_SKILL_TOPIC.matcher(t.title()).find()) {
                    continue;
                }
                if (s.kind() == SectionKind.SKILLS && t.items().isEmpty() && titleIsSkill(t.title())) {
                    out.add(new ParsedSkillMention(t.title(), s.kind(), t.line()));
                }
                for (ParsedItem item : t.items()) {
                    cancellation.check();
                    for (String name : names(item.text())) {
                        out.add(new ParsedSkillMention(name, s.kind(), item.line()));
                    }
                }
            }
        }
        return out;
    }

    /** Skill names found in one list item, in order, without repeats; never a piece of a sentence. */
    static List<String> names(String item) {
        String text = item.trim();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ';')) {
            end--;
        }
        text = text.substring(0, end);
        Set<String> names = new LinkedHashSet<>();
        int colon = text.indexOf(':');
        if (colon > 0) {
            String label = text.substring(0, colon).trim();
            String after = text.substring(colon + 1);
            List<String> listed = enumeration(after);
            List<String> inLabel = enumeration(label);
            Matcher parens = PARENS.matcher(label);
            List<String> inParens = parens.find() ? enumeration(parens.group(1)) : List.of();
            // "SQL: window functions and query plans" describes SQL; "Frameworks: A, B, C" lists names;
            // "PyTorch or TensorFlow: ..." and "Cloud platforms (AWS or GCP): ..." name theirs in the label.
            if (listed.size() >= 2 && mostlyCapitalized(listed)) {
                names.addAll(listed);
            } else if (!inParens.isEmpty() && mostlyCapitalized(inParens)) {
                names.addAll(inParens);
            } else if (inLabel.size() >= 2 && mostlyCapitalized(inLabel)) {
                names.addAll(inLabel);
            } else if (LineShapes.wordCount(label) <= MAX_NAME_WORDS && isName(label) && !isCategory(label)) {
                names.add(label);
            }
            return List.copyOf(names);
        }
        Matcher p = PARENS.matcher(text);
        while (text.indexOf('(') >= 0 && p.find()) {
            String inner = p.group(1).replaceFirst("^(?:e\\.g\\.|i\\.e\\.|such as)[,]?\\s*", "");
            boolean example = !inner.equals(p.group(1));
            List<String> listed = enumeration(inner);
            if (listed.size() >= 2 || (example && listed.size() == 1)) {
                names.addAll(listed);
            }
        }
        Matcher such = SUCH_AS.matcher(text);
        boolean mayList = text.contains("such as") || text.contains("like") || text.contains("including");
        if (mayList && such.find()) {
            List<String> listed = enumeration(such.group(1));
            if (listed.size() >= 2) {
                names.addAll(listed);
            }
        }
        if (names.isEmpty() && LineShapes.wordCount(text) <= MAX_NAME_WORDS && !LineShapes.endsSentence(item.trim())) {
            // "Go or Python" and "Prometheus and Grafana" name two skills; "Identity and Access Management" one.
            boolean joined =
                    text.contains(",") || text.contains(" or ") || text.contains(" and ") || text.contains(" & ");
            List<String> listed = joined ? enumeration(text) : List.of();
            boolean pair = listed.size() >= 2
                    && (text.contains(" or ") || listed.stream().allMatch(n -> LineShapes.wordCount(n) == 1));
            if (pair && mostlyCapitalized(listed)) {
                names.addAll(listed);
            } else if (isName(text) && !isCategory(text)) {
                names.add(text);
            }
        }
        return List.copyOf(names);
    }

    /** A topic title of a skills section names a skill unless it names a group ("Languages", "Core Tools"). */
    static boolean titleIsSkill(String title) {
        return !title.isEmpty() && isName(title) && !isCategory(title);
    }

    private static boolean mostlyCapitalized(List<String> parts) {
        long names = parts.stream()
                .filter(p -> !p.equals(p.toLowerCase(Locale.ROOT)))
                .count();
        return names * 2 >= parts.size();
    }

    /**
     * Comma/"and"/"or" separated short parts, or an empty list when any part is too long to be a name. A
     * parenthetical ("Large Language Models (LLMs)") is dropped; a part that runs on into a clause keeps its name
     * ("JavaScript when performance" gives "JavaScript") or, when what comes before the clause is no name
     * ("integration requires it"), is left out.
     */
    private static List<String> enumeration(String text) {
        List<String> parts = new ArrayList<>();
        String flat = text.replaceAll("\\([^()]*\\)", " ");
        for (String raw : flat.split(",|\\s+and\\s+|\\s+or\\s+|\\s+&\\s+")) {
            String part = raw.trim()
                    .replaceFirst("^(?:and|or)\\s+", "")
                    .replaceAll("[.;:]+$", "")
                    .trim();
            part = beforeClause(part);
            if (part.isEmpty()) {
                continue;
            }
            if (LineShapes.wordCount(part) > MAX_PART_WORDS || part.length() > 40 || !part.matches(".*\\p{L}.*")) {
                return List.of();
            }
            if (isName(part)) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The words before the first clause word, when they start with a capital (a name); "" when they do not. */
    private static String beforeClause(String part) {
        String[] words = part.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (CLAUSE_WORDS.contains(words[i].toLowerCase(Locale.ROOT))) {
                String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i));
                return !head.isEmpty() && Character.isUpperCase(head.charAt(0)) ? head : "";
            }
        }
        return part;
    }

    /** No clause words ("when", "requires", "it", ...), at most a few words, and at least one letter. */
    static boolean isName(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 60 || t.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        String[] words = t.split(" +");
        if (words.length > MAX_NAME_WORDS
                || CONNECTORS.contains(words[0].toLowerCase(Locale.ROOT))
                || CONNECTORS.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (String w : words) {
            if (CLAUSE_WORDS.contains(letters(w))) {
                return false;
            }
        }
        return true;
    }

    /** The word lower-cased, keeping letters and apostrophes only ("it," gives "it"). */
    private static String letters(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if ((c >= 'a' && c <= 'z') || c == '\'') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "Languages", "Core Tools", "Specialized areas", "Cloud and Infrastructure": a group of skills, not one. */
    static boolean isCategory(String s) {
        String t = s.trim();
        return CATEGORIES.contains(t.substring(t.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT));
    }
}
