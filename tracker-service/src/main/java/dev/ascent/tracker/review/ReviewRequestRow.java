package dev.ascent.tracker.review;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A review request as stored. {@code userId} is the mentee; {@code openKey} is the target while OPEN and null
 * after, which a unique index turns into "one open request per target". Evidence links are stored one per line
 * (a URL cannot contain a line break). A practice session's request has no plan or item id of its own (so plan
 * counts and plan deletion leave it alone): its session is read from the target name, and the mentor's step scores
 * are stored one {@code position:score} pair per line.
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

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant createTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant reviewTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant cancelTime) {

    public static final String OPEN = "OPEN";
    private static final String SESSIONS = "/practiceSessions/";

    public String name() {
        return "reviewRequests/" + id;
    }

    public String etag() {
        return "r" + version;
    }

    public boolean open() {
        return state.equals(OPEN);
    }

    /** The reviewed session's id when the target is a practice session; null for a plan item. */
    public Long sessionId() {
        int at = target.indexOf(SESSIONS);
        return at < 0 ? null : Long.valueOf(target.substring(at + SESSIONS.length()));
    }

    /** Step position to the mentor's score, in the order given. */
    public Map<Integer, Integer> scores() {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (String pair : stepScores.isEmpty() ? new String[0] : stepScores.split("\n")) {
            int colon = pair.indexOf(':');
            out.put(Integer.valueOf(pair.substring(0, colon)), Integer.valueOf(pair.substring(colon + 1)));
        }
        return out;
    }

    static String scores(Map<Integer, Integer> byPosition) {
        StringBuilder out = new StringBuilder();
        byPosition.forEach((position, score) -> out.append(out.isEmpty() ? "" : "\n")
                .append(position)
                .append(':')
                .append(score));
        return out.toString();
    }

    public List<String> links() {
        return evidenceLinks.isEmpty() ? List.of() : List.of(evidenceLinks.split("\n"));
    }

    ReviewRequestRow decided(String to, String comment, String scores, Instant now) {
        return new ReviewRequestRow(
                id,
                userId,
                mentorId,
                planId,
                itemId,
                target,
                targetTitle,
                to,
                null,
                evidenceLinks,
                note,
                comment,
                scores,
                version + 1,
                createTime,
                now,
                cancelTime);
    }

    ReviewRequestRow cancelled(Instant now) {
        return new ReviewRequestRow(
                id,
                userId,
                mentorId,
                planId,
                itemId,
                target,
                targetTitle,
                "CANCELLED",
                null,
                evidenceLinks,
                note,
                decisionComment,
                stepScores,
                version + 1,
                createTime,
                reviewTime,
                now);
    }
}
