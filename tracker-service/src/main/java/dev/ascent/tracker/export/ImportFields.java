package dev.ascent.tracker.export;

import com.google.protobuf.Timestamp;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.tracker.grpc.Days;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A {@link Validator} for an export's fields, which also parses dates, instants and time zones without stopping at
 * the first bad one, so an import learns of every bad field at once (at most 20 listed, all counted).
 */
final class ImportFields {

    /** MEDIUMTEXT columns (copied catalog text): far beyond anything a 4 MiB request can carry. */
    static final int MEDIUM_TEXT = 1_000_000;

    final Validator v = new Validator();

    ImportFields text(String value, int max, String field) {
        v.maxLength(value, max, field);
        return this;
    }

    ImportFields requiredText(String value, int max, String field) {
        v.required(value == null ? null : value.strip(), field);
        v.maxLength(value, max, field);
        return this;
    }

    boolean check(boolean ok, String field, String description) {
        v.check(ok, field, description);
        return ok;
    }

    /** The epoch day of {@code value}, or 0 after recording a violation. */
    int day(String value, String field) {
        try {
            return Days.parse(value, field);
        } catch (ApiException e) {
            v.check(false, field, "must be a date as YYYY-MM-DD between 2000 and 2200");
            return 0;
        }
    }

    String zone(String value, String field) {
        try {
            return Days.zone(value, field);
        } catch (ApiException e) {
            v.check(false, field, "must be an IANA time zone such as Europe/Berlin");
            return "UTC";
        }
    }

    /** A set, valid timestamp (years 2000 to 2200) to the microsecond; null after recording a violation. */
    Instant instant(boolean present, Timestamp t, String field) {
        if (!present) {
            v.check(false, field, "is required");
            return null;
        }
        return optionalInstant(true, t, field);
    }

    /** As {@link #instant} for a timestamp that may be unset (then null, without a violation). */
    Instant optionalInstant(boolean present, Timestamp t, String field) {
        if (!present) {
            return null;
        }
        boolean ok = t.getNanos() >= 0
                && t.getNanos() < 1_000_000_000
                && t.getSeconds() >= 946_684_800L
                && t.getSeconds() < 7_289_654_400L;
        if (!check(ok, field, "must be a valid time between 2000 and 2200")) {
            return null;
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).truncatedTo(ChronoUnit.MICROS);
    }

    boolean finite(double value, double min, double max, String field) {
        return check(
                Double.isFinite(value) && value >= min && value <= max,
                field,
                "must be a number from " + min + " to " + max);
    }

    void throwIfInvalid() {
        v.throwIfInvalid();
    }
}
