package dev.ascent.content.importer;

/** A piece of prose with the source line it came from. */
record TextLine(int line, String text) {}
