package dev.ascent.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockFactoryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T15:30:00.123456789Z");

    @Test
    void theServiceClockIsInUtcAndTruncatedToMicroseconds() {
        Clock clock = new ClockFactory.MicrosecondClock(Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(Instant.parse("2026-12-03T15:30:00.123456Z"), clock.instant());
        assertEquals(LocalDate.parse("2026-12-03"), LocalDate.now(clock));
    }

    /** A plan's "today" is taken in its own time zone: the zone must reach the date, not only the instant. */
    @Test
    void withZoneGivesTheDateInThatZoneAtTheSameInstant() {
        Clock clock = new ClockFactory.MicrosecondClock(Clock.fixed(NOW, ZoneOffset.UTC));
        Clock kiritimati = clock.withZone(ZoneId.of("Pacific/Kiritimati"));
        Clock bakerIsland = clock.withZone(ZoneId.of("Etc/GMT+12"));
        assertEquals(ZoneId.of("Pacific/Kiritimati"), kiritimati.getZone());
        assertEquals(LocalDate.parse("2026-12-04"), LocalDate.now(kiritimati));
        assertEquals(LocalDate.parse("2026-12-03"), LocalDate.now(bakerIsland));
        assertEquals(
                LocalDate.parse("2026-12-02"),
                LocalDate.now(new ClockFactory.MicrosecondClock(
                                Clock.fixed(Instant.parse("2026-12-03T06:00:00Z"), ZoneOffset.UTC))
                        .withZone(ZoneId.of("Etc/GMT+12"))));
        assertEquals(clock.instant(), kiritimati.instant());
    }
}
