package dev.ascent.common.error;

import java.util.ArrayList;
import java.util.List;

/** Collects every field violation of a request, so the caller learns about all of them at once. */
public final class Validator {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validator check(boolean ok, String field, String description) {
        if (!ok) {
            violations.add(new FieldViolation(field, description));
        }
        return this;
    }

    public Validator required(String value, String field) {
        return check(value != null && !value.isBlank(), field, "is required");
    }

    public Validator maxLength(String value, int max, String field) {
        return check(value == null || value.codePointCount(0, value.length()) <= max, field,
                "must be at most " + max + " characters");
    }

    public Validator range(long value, long min, long max, String field) {
        return check(value >= min && value <= max, field, "must be between " + min + " and " + max);
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }
}
