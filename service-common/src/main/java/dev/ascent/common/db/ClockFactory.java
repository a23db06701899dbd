package dev.ascent.common.db;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The services' only source of "now"; tests replace it to control time. Ticks in microseconds, like the columns. */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
