package dev.ascent.common.db;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The services' only source of "now"; tests replace it to control time. Truncated to microseconds, like the columns. */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    /**
     * {@code Clock.tick(clock, 1µs)} would do, but its {@code millis()} divides by zero for ticks under a
     * millisecond on Java 17.
     */
    static final class MicrosecondClock extends Clock {
        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }
    }
}
