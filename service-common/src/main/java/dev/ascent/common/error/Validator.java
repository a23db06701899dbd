package dev.ascent.common.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field violations of a request, so the caller learns about them at once. At most
 * {@link #MAX_REPORTED} are kept; the total is counted and reported beside them, so a request with a million bad
 * elements gets a small error, not a million violations.
 */
public final class Validator {

    /** Field violations one error carries at most (AIP-193 BadRequest), plus their total count. */
    public static final int MAX_REPORTED = 20;

    private final List<FieldViolation> violations = new ArrayList<>();
    private int total;

    public Validator check(boolean ok, String field, String description) {
        if (!ok) {
            total++;
            if (violations.size() < MAX_REPORTED) {
                violations.add(new FieldViolation(field, description));
            }
        }
        return this;
    }

    public Validator required(String value, String field) {
        return check(value != null && !value.isBlank(), field, "is required");
    }

    /**
     * At most {@code max} characters, counted as the databases count them: in UTF-16 code units, so a character
     * outside the Basic Multilingual Plane (an emoji) counts as two. H2 sizes VARCHAR columns in UTF-16 units and
     * MySQL's utf8mb4 in code points, so a value within this limit fits its column on both.
     */
    public Validator maxLength(String value, int max, String field) {
        return check(
                value == null || value.length() <= max,
                field,
                "must be at most " + max + " characters"
                        + (value != null && value.codePointCount(0, value.length()) <= max
                                ? " (characters such as emoji count as two)"
                                : ""));
    }

    public Validator range(long value, long min, long max, String field) {
        return check(value >= min && value <= max, field, "must be between " + min + " and " + max);
    }

    /**
     * Refuses a repeated field with more than {@code max} elements at once, before any element is looked at, so
     * the work for an oversized request does not grow with its size.
     */
    public static void maxCount(int count, int max, String field, String what) {
        if (count > max) {
            throw ApiException.invalid(field, "at most " + max + " " + what + ", not " + count);
        }
    }

    public void throwIfInvalid() {
        if (total > 0) {
            throw ApiException.invalid(violations, total);
        }
    }
}
