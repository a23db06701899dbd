package dev.ascent.content.importer;

import java.util.List;

/** Result of parsing one career-guide document. All lists are immutable. */
public record ParsedGuide(
        String title,
        Layout layout,
        List<ParsedSection> sections,
        List<ParsedSalary> salaries,
        List<ParsedSkillMention> skills,
        List<ParseWarning> warnings) {
    public ParsedGuide {
        sections = List.copyOf(sections);
        salaries = List.copyOf(salaries);
        skills = List.copyOf(skills);
        warnings = List.copyOf(warnings);
    }
}
