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

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant createTime,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant updateTime) {

    /**
     * A new plan: not archived, nothing logged, version 1, created and updated {@code now}; name the rest on the
     * builder.
     */
    public static Builder create(long id, long userId, Instant now) {
        return new Builder(new PlanRow(id, userId, "", "", "", 0, 0, 0, null, "UTC", "", false, 0, 0, 0, now, now));
    }

    /** A copy to change; {@link Builder#build} bumps its version (the etag). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Names what a call site sets or changes; ids, the role's revision and the create time stay as they are. */
    public static final class Builder {
        private final PlanRow r;
        private String title;
        private String targetRole;
        private String roleTitle;
        private int roleRevision;
        private int minutesPerWeek;
        private int startDay;
        private Integer targetDay;
        private String timeZone;
        private String skillRatings;
        private boolean archived;
        private long loggedMinutes;
        private Instant updateTime;

        private Builder(PlanRow r) {
            this.r = r;
            title = r.title;
            targetRole = r.targetRole;
            roleTitle = r.roleTitle;
            roleRevision = r.roleRevision;
            minutesPerWeek = r.minutesPerWeek;
            startDay = r.startDay;
            targetDay = r.targetDay;
            timeZone = r.timeZone;
            skillRatings = r.skillRatings;
            archived = r.archived;
            loggedMinutes = r.loggedMinutes;
            updateTime = r.updateTime;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }
        /** The catalog role the plan was built from: its name, title and revision at the time. */
        public Builder role(String name, String title, int revision) {
            targetRole = name;
            roleTitle = title;
            roleRevision = revision;
            return this;
        }

        public Builder minutesPerWeek(int v) {
            minutesPerWeek = v;
            return this;
        }

        public Builder startDay(int v) {
            startDay = v;
            return this;
        }

        public Builder targetDay(Integer v) {
            targetDay = v;
            return this;
        }

        public Builder timeZone(String v) {
            timeZone = v;
            return this;
        }

        public Builder skillRatings(String v) {
            skillRatings = v;
            return this;
        }

        public Builder archived(boolean v) {
            archived = v;
            return this;
        }

        public Builder loggedMinutes(long v) {
            loggedMinutes = v;
            return this;
        }

        public Builder updateTime(Instant v) {
            updateTime = v;
            return this;
        }

        /** The row with its version bumped: 1 for a new plan, one more for a changed one. */
        public PlanRow build() {
            return new PlanRow(
                    r.id,
                    r.userId,
                    title,
                    targetRole,
                    roleTitle,
                    roleRevision,
                    minutesPerWeek,
                    startDay,
                    targetDay,
                    timeZone,
                    skillRatings,
                    archived,
                    loggedMinutes,
                    r.lastActivityTime,
                    r.version + 1,
                    r.createTime,
                    updateTime);
        }
    }
}
