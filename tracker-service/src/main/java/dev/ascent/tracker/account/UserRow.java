package dev.ascent.tracker.account;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

@MappedEntity("app_user")
public record UserRow(
        @Id long id,
        String handle,
        String displayName,
        boolean admin,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant createTime) {

    public String name() {
        return "users/" + handle;
    }
}
