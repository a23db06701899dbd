package dev.ascent.tracker.grpc;

import dev.ascent.common.error.ApiException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Calendar days as the API writes them ({@code YYYY-MM-DD}) and as the tables store them (epoch days). */
public final class Days {

    private Days() {}

    public static int parse(String value, String field) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 2200) {
                throw ApiException.invalid(field, "must be a date between 2000 and 2200");
            }
            return (int) date.toEpochDay();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    public static String format(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** The date in {@code zone} at the clock's instant (a plan's "today" is its own, in its time zone). */
    public static int today(Clock clock, String zone) {
        return (int) LocalDate.ofInstant(clock.instant(), ZoneId.of(zone)).toEpochDay();
    }

    public static String zone(String value, String field) {
        if (value == null || value.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw ApiException.invalid(field, "must be an IANA time zone such as Europe/Berlin, not '" + value + "'");
        }
    }
}
