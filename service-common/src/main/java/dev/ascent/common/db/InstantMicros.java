package dev.ascent.common.db;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Stores instants as BIGINT microseconds since the epoch. Connector/J drops fractional seconds when it writes
 * DATETIME/TIMESTAMP values to MariaDB, and the three engines disagree on time zones; a plain integer round-trips
 * exactly on MySQL 8, MariaDB and H2 and still sorts and compares in SQL. Microseconds match the {@link java.time.Clock}
 * the services use, so nothing is lost.
 */
@Singleton
public class InstantMicros implements AttributeConverter<Instant, Long> {

    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public Long convertToPersistedValue(Instant instant, ConversionContext context) {
        return instant == null ? null : toMicros(instant);
    }

    @Override
    public Instant convertToEntityValue(Long micros, ConversionContext context) {
        return micros == null ? null : fromMicros(micros);
    }
}
