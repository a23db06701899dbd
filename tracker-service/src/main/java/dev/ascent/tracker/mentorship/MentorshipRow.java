package dev.ascent.tracker.mentorship;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** A mentorship as stored; {@code state} is a {@link MentorshipState} name and {@code version} the etag. */
@MappedEntity("mentorship")
public record MentorshipRow(
        @Id long id,
        long mentorId,
        long menteeId,
        String state,
        String message,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant createTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant respondTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant endTime,

        @Nullable Long endedBy,
        int version) {

    public MentorshipState stateValue() {
        return MentorshipState.valueOf(state);
    }

    public boolean involves(long userId) {
        return mentorId == userId || menteeId == userId;
    }

    public String name() {
        return "mentorships/" + id;
    }

    public String etag() {
        return "m" + version;
    }

    MentorshipRow moved(MentorshipState to, Instant respond, Instant end, Long by) {
        return new MentorshipRow(id, mentorId, menteeId, to.name(), message, createTime, respond, end, by, version + 1);
    }
}
