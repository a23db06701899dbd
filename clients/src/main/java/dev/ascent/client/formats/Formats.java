package dev.ascent.client.formats;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Small conversions the export formats share. */
final class Formats {

    private Formats() {}

    static Instant toInstant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** ISO 8601 in UTC, as spreadsheets read it. */
    static String instant(Timestamp t) {
        return toInstant(t).toString();
    }
}
