package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** A plan item as stored; {@code source*} is the content it came from, copied at creation. */
@MappedEntity("plan_item")
public record PlanItemRow(
        @Id long id,
        long userId,
        long planId,
        String kind,
        String title,
        String description,
        String sourceContent,
        String sourceText,
        String sourceName,
        int sourceLine,
        int estimatedMinutes,
        int week,
        int dueDay,
        boolean duePinned,
        ItemStatus status,
        boolean verified,
        String verifiedBy,
        int position,
        String notes,
        boolean notesPrivate,
        long loggedMinutes,
        int version,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant createTime,

        @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant updateTime,

        @Nullable @TypeDef(type = DataType.LONG, converter = InstantMicros.class)
        Instant completeTime) {

    public boolean open() {
        return status.open();
    }

    /** A new item: TODO, unverified, no notes or time logged, version 1; name the rest on the builder. */
    public static Builder create(long id, long userId, long planId, String kind, Instant now) {
        return new Builder(new PlanItemRow(
                id,
                userId,
                planId,
                kind,
                "",
                "",
                "",
                "",
                "",
                0,
                0,
                1,
                0,
                false,
                ItemStatus.TODO,
                false,
                "",
                0,
                "",
                false,
                0,
                0,
                now,
                now,
                null));
    }

    /** A copy to change; {@link Builder#build} bumps its version, so the etag moves with every write. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Names what a call site sets or changes; the row's identity (ids, kind, create time) stays as it is. */
    public static final class Builder {
        private final PlanItemRow r;
        private String title;
        private String description;
        private String sourceContent;
        private String sourceText;
        private String sourceName;
        private int sourceLine;
        private int estimatedMinutes;
        private int week;
        private int dueDay;
        private boolean duePinned;
        private ItemStatus status;
        private boolean verified;
        private String verifiedBy;
        private int position;
        private String notes;
        private boolean notesPrivate;
        private long loggedMinutes;
        private Instant updateTime;
        private Instant completeTime;

        private Builder(PlanItemRow r) {
            this.r = r;
            title = r.title;
            description = r.description;
            sourceContent = r.sourceContent;
            sourceText = r.sourceText;
            sourceName = r.sourceName;
            sourceLine = r.sourceLine;
            estimatedMinutes = r.estimatedMinutes;
            week = r.week;
            dueDay = r.dueDay;
            duePinned = r.duePinned;
            status = r.status;
            verified = r.verified;
            verifiedBy = r.verifiedBy;
            position = r.position;
            notes = r.notes;
            notesPrivate = r.notesPrivate;
            loggedMinutes = r.loggedMinutes;
            updateTime = r.updateTime;
            completeTime = r.completeTime;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }
        /** The content an item came from, copied when it is created. */
        public Builder source(String content, String text, String name, int line) {
            sourceContent = content;
            sourceText = text;
            sourceName = name;
            sourceLine = line;
            return this;
        }

        public Builder estimatedMinutes(int v) {
            estimatedMinutes = v;
            return this;
        }

        public Builder schedule(int w, int day) {
            week = w;
            dueDay = day;
            return this;
        }

        public Builder duePinned(boolean v) {
            duePinned = v;
            return this;
        }

        public Builder status(ItemStatus v) {
            status = v;
            return this;
        }

        public Builder verified(boolean v, String by) {
            verified = v;
            verifiedBy = by;
            return this;
        }

        public Builder position(int v) {
            position = v;
            return this;
        }

        public Builder notes(String v) {
            notes = v;
            return this;
        }

        public Builder notesPrivate(boolean v) {
            notesPrivate = v;
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

        public Builder completeTime(Instant v) {
            completeTime = v;
            return this;
        }

        /** The row with its version bumped: 1 for a new item, one more for a changed one. */
        public PlanItemRow build() {
            return new PlanItemRow(
                    r.id,
                    r.userId,
                    r.planId,
                    r.kind,
                    title,
                    description,
                    sourceContent,
                    sourceText,
                    sourceName,
                    sourceLine,
                    estimatedMinutes,
                    week,
                    dueDay,
                    duePinned,
                    status,
                    verified,
                    verifiedBy,
                    position,
                    notes,
                    notesPrivate,
                    loggedMinutes,
                    r.version + 1,
                    r.createTime,
                    updateTime,
                    completeTime);
        }
    }
}
