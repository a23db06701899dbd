package dev.ascent.tracker.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Instants to and from {@code google.protobuf.Timestamp}. */
public final class Timestamps {

    private Timestamps() {}

    public static Timestamp of(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}
