package dev.ascent.tracker.practice;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Duration;
import java.time.Instant;

/** A practice session as stored; {@code version} is the etag. Steps live in {@link PracticeStepRow}. */
@MappedEntity("practice_session")
public record PracticeSessionRow(
        @Id long id,
        long userId,
        String source,
        String title,
        String scenario,
        String state,
        int timeBoxMinutes,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant startTime,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant deadlineTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant endTime,

        int stepCount,
        int checkedCount,
        int selfRating,
        String notes,
        @Nullable Long planId,
        @Nullable Long planItemId,
        int version,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant updateTime) {

    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";
    public static final String ABANDONED = "ABANDONED";
    public static final String EXPIRED = "EXPIRED";

    /** How long an ACTIVE session may outlive its deadline before the server expires it. */
    public static final Duration EXPIRY_GRACE = Duration.ofHours(24);

    /**
     * A new session of {@code source}, started {@code start}: ACTIVE, nothing checked, no notes or rating, no plan
     * item, version 1; name the rest on the builder.
     */
    public static Builder create(long id, long userId, String source, Instant start, Instant now) {
        return new Builder(id, userId, source, start, now);
    }

    /** Names each part of a new session; {@link #build} gives version 1. */
    public static final class Builder {
        private final long id;
        private final long userId;
        private final String source;
        private final Instant start;
        private final Instant now;
        private String title = "";
        private String scenario = "";
        private String state = ACTIVE;
        private int timeBoxMinutes;
        private Instant deadline;
        private Instant end;
        private int stepCount;
        private int checkedCount;
        private int selfRating;
        private String notes = "";
        private Long planId;
        private Long planItemId;

        private Builder(long id, long userId, String source, Instant start, Instant now) {
            this.id = id;
            this.userId = userId;
            this.source = source;
            this.start = start;
            this.now = now;
            this.deadline = start;
        }

        /** The prompt's title and scenario, copied when the session starts. */
        public Builder text(String t, String s) {
            title = t;
            scenario = s;
            return this;
        }

        public Builder timeBox(int minutes, Instant deadlineTime) {
            timeBoxMinutes = minutes;
            deadline = deadlineTime;
            return this;
        }
        /** A session that ended: its final state and end time. */
        public Builder ended(String finalState, Instant endTime) {
            state = finalState;
            end = endTime;
            return this;
        }

        public Builder steps(int count, int checked) {
            stepCount = count;
            checkedCount = checked;
            return this;
        }

        public Builder selfRating(int v) {
            selfRating = v;
            return this;
        }

        public Builder notes(String v) {
            notes = v;
            return this;
        }
        /** The plan item the session practises; both null for none. */
        public Builder planItem(Long plan, Long item) {
            planId = plan;
            planItemId = item;
            return this;
        }

        public PracticeSessionRow build() {
            return new PracticeSessionRow(
                    id,
                    userId,
                    source,
                    title,
                    scenario,
                    state,
                    timeBoxMinutes,
                    start,
                    deadline,
                    end,
                    stepCount,
                    checkedCount,
                    selfRating,
                    notes,
                    planId,
                    planItemId,
                    1,
                    now);
        }
    }

    public boolean active() {
        return state.equals(ACTIVE);
    }

    public double coveragePercent() {
        return PracticeStatsCalculator.percent(checkedCount, stepCount);
    }

    public Instant expiryTime() {
        return deadlineTime.plus(EXPIRY_GRACE);
    }

    /** The etag clients send back; it moves with every write. */
    public String etag() {
        return "s" + version;
    }

    /** A copy with new progress (checked count, notes), version bumped. */
    public PracticeSessionRow withProgress(int checked, String newNotes, Instant now) {
        return new PracticeSessionRow(
                id,
                userId,
                source,
                title,
                scenario,
                state,
                timeBoxMinutes,
                startTime,
                deadlineTime,
                endTime,
                stepCount,
                checked,
                selfRating,
                newNotes,
                planId,
                planItemId,
                version + 1,
                now);
    }

    /** A copy whose steps changed elsewhere (a mentor's scores): version bumped so the etag moves. */
    public PracticeSessionRow touched(Instant now) {
        return new PracticeSessionRow(
                id,
                userId,
                source,
                title,
                scenario,
                state,
                timeBoxMinutes,
                startTime,
                deadlineTime,
                endTime,
                stepCount,
                checkedCount,
                selfRating,
                notes,
                planId,
                planItemId,
                version + 1,
                now);
    }

    /** A copy in a final state, version bumped. */
    public PracticeSessionRow finish(String newState, Instant end, int rating, String newNotes, Instant now) {
        return new PracticeSessionRow(
                id,
                userId,
                source,
                title,
                scenario,
                newState,
                timeBoxMinutes,
                startTime,
                deadlineTime,
                end,
                stepCount,
                checkedCount,
                rating,
                newNotes,
                planId,
                planItemId,
                version + 1,
                now);
    }
}
