package dev.ascent.content.importer;

/** Something the parser kept but could not classify with confidence. */
public record ParseWarning(int line, String message) {}
