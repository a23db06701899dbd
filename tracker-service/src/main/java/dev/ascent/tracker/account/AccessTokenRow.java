package dev.ascent.tracker.account;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

@MappedEntity("access_token")
public record AccessTokenRow(
        @Id long id,
        long userId,
        String tokenHash,
        String label,
        String prefix,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant createTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant lastUseTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant revokeTime) {

    public boolean revoked() {
        return revokeTime != null;
    }
}
