package dev.ascent.common.error;

/** One bad request field: its path as in the proto ({@code plan.hours_per_week}) and what is wrong with it. */
public record FieldViolation(String field, String description) {}
