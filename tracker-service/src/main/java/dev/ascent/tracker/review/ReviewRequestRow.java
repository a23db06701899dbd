package dev.ascent.tracker.review;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * A review request as stored. {@code userId} is the mentee; {@code openKey} is the target while OPEN and null
 * after, which a unique index turns into "one open request per target". Evidence links are stored one per line
 * (a URL cannot contain a line break).
 */
@MappedEntity("review_request")
public record ReviewRequestRow(
        @Id long id,
        long userId,
        long mentorId,
        @Nullable Long planId,
        @Nullable Long itemId,
        String target,
        String targetTitle,
        String state,
        @Nullable String openKey,
        String evidenceLinks,
        String note,
        String decisionComment,
        String stepScores,
        int version,
        @TypeDef(type = DataType.LONG, converter = InstantMicros.class) Instant createTime,
        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class) Instant reviewTime,
        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class) Instant cancelTime) {

    public static final String OPEN = "OPEN";

    public String name() {
        return "reviewRequests/" + id;
    }

    public String etag() {
        return "r" + version;
    }

    public boolean open() {
        return state.equals(OPEN);
    }

    public List<String> links() {
        return evidenceLinks.isEmpty() ? List.of() : List.of(evidenceLinks.split("\n"));
    }

    ReviewRequestRow decided(String to, String comment, Instant now) {
        return new ReviewRequestRow(id, userId, mentorId, planId, itemId, target, targetTitle, to, null,
                evidenceLinks, note, comment, stepScores, version + 1, createTime, now, cancelTime);
    }

    ReviewRequestRow cancelled(Instant now) {
        return new ReviewRequestRow(id, userId, mentorId, planId, itemId, target, targetTitle, "CANCELLED", null,
                evidenceLinks, note, decisionComment, stepScores, version + 1, createTime, reviewTime, now);
    }
}
