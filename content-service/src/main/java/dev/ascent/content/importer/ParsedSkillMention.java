package dev.ascent.content.importer;

/** A skill named in the document, with the kind of section it was found in. */
public record ParsedSkillMention(String name, SectionKind sectionKind, int line) {}
