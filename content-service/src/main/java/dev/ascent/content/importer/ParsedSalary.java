package dev.ascent.content.importer;

/** A salary line; min/max in whole currency units, null when the line holds no parseable amount. */
public record ParsedSalary(String label, Long min, Long max, String currency, String raw, int line) {}
