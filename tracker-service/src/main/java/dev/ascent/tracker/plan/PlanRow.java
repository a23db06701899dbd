package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** A plan as stored. Days are epoch days in {@code timeZone}; {@code version} is the etag. */
@MappedEntity("plan")
public record PlanRow(
        @Id long id,
        long userId,
        String title,
        String targetRole,
        String roleTitle,
        int roleRevision,
        int minutesPerWeek,
        int startDay,
        @Nullable Integer targetDay,
        String timeZone,
        String skillRatings,
        boolean archived,
        long loggedMinutes,
        long lastActivityTime,
        int version,
        @TypeDef(type = DataType.LONG, converter = InstantMicros.class) Instant createTime,
        @TypeDef(type = DataType.LONG, converter = InstantMicros.class) Instant updateTime) {
}
