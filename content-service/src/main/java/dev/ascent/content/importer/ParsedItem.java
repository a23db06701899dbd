package dev.ascent.content.importer;

/** One list entry; {@code line} is the 1-based line of the source document it came from. */
public record ParsedItem(String text, int line) {}
