package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects skill names. Sources: items and topic titles of SKILLS sections, items of SKILL_GAPS sections, and
 * items of REQUIREMENTS topics whose title is a skills heading ("Technical Skills"). From an item it takes, in
 * order of preference: the names listed after a colon when they are comma-separated and mostly capitalized
 * ("frameworks: A, B, C"), else the label before the colon ("Python: strong coding"); names enumerated in
 * parentheses or after "such as"/"like"/"including" ("(A, B, C)"); the whole item when
 * it is a short phrase. Long sentences without such structure yield nothing, rather than a sentence posing as a
 * skill name.
 */
final class SkillMentions {
    private static final int MAX_NAME_WORDS = 5;
    private static final int MAX_PART_WORDS = 3;
    private static final Pattern PARENS = Pattern.compile("\\(([^()]+)\\)");
    private static final Pattern SUCH_AS = Pattern.compile("\\b(?:such as|like|including)\\s+([^.;()]+)");

    private SkillMentions() {
    }

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
                if (s.kind() == SectionKind.SKILLS && !t.title().isEmpty()) {
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

    /** Skill names found in one list item, in order, without repeats. */
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
            String after = text.substring(colon + 1);
            List<String> listed = enumeration(after);
            // "SQL: window functions and query plans" describes SQL; "Frameworks: A, B, C" lists names.
            if (after.contains(",") && listed.size() >= 2 && mostlyCapitalized(listed)) {
                names.addAll(listed);
            } else if (LineShapes.wordCount(text.substring(0, colon)) <= MAX_NAME_WORDS) {
                names.add(text.substring(0, colon).trim());
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
            names.add(text);
        }
        return List.copyOf(names);
    }

    private static boolean mostlyCapitalized(List<String> parts) {
        long names = parts.stream().filter(p -> !p.equals(p.toLowerCase(java.util.Locale.ROOT))).count();
        return names * 2 >= parts.size();
    }

    /** Comma/"and"/"or" separated short parts, or an empty list when any part is too long to be a name. */
    private static List<String> enumeration(String text) {
        List<String> parts = new ArrayList<>();
        for (String raw : text.split(",|\\s+and\\s+|\\s+or\\s+|\\s+&\\s+")) {
            String part = raw.trim().replaceFirst("^(?:and|or)\\s+", "").replaceAll("[.;:]+$", "").trim();
            if (part.isEmpty()) {
                continue;
            }
            if (LineShapes.wordCount(part) > MAX_PART_WORDS || part.length() > 30 || !part.matches(".*\\p{L}.*")) {
                return List.of();
            }
            parts.add(part);
        }
        return parts;
    }
}
