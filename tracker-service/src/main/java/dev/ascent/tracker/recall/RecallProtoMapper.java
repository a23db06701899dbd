package dev.ascent.tracker.recall;

import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.RecallCardOrigin;
import dev.ascent.proto.tracker.v1.RecallCardState;
import dev.ascent.proto.tracker.v1.RecallDayCount;
import dev.ascent.proto.tracker.v1.RecallSettings;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Timestamps;

/** Recall rows to {@code ascent.tracker.v1} messages. */
public final class RecallProtoMapper {

    private RecallProtoMapper() {}

    public static RecallCard card(String handle, RecallCardRow r) {
        RecallCard.Builder b = RecallCard.newBuilder()
                .setName(RecallNames.card(handle, r.id()))
                .setOrigin(RecallCardOrigin.valueOf("RECALL_CARD_ORIGIN_" + r.origin()))
                .setSource(r.sourceName().isEmpty() ? "" : "users/" + handle + "/" + r.sourceName())
                .setFront(r.front())
                .setBack(r.back())
                .setState(RecallCardState.valueOf("RECALL_CARD_STATE_" + r.state()))
                .setSuspended(r.suspended())
                .setDueTime(Timestamps.of(r.due()))
                .setStability(r.stability() == null ? 0 : r.stability())
                .setDifficulty(r.difficulty() == null ? 0 : r.difficulty())
                .setReviewCount(r.reps())
                .setLapseCount(r.lapses())
                .setLearningStep(r.step())
                .setCreateTime(Timestamps.of(r.createTime()))
                .setEtag(r.etag());
        if (r.lastReview() != null) {
            b.setLastReviewTime(Timestamps.of(r.lastReview()));
        }
        return b.build();
    }

    public static RecallSettings settings(String handle, RecallSettingsRow s) {
        return RecallSettings.newBuilder()
                .setName("users/" + handle + "/recallSettings")
                .setDesiredRetention(s.desiredRetention())
                .setDailyLimit(s.dailyLimit())
                .setTimeZone(s.timeZone())
                .build();
    }

    public static dev.ascent.proto.tracker.v1.RecallStats stats(RecallStats.Stats s) {
        dev.ascent.proto.tracker.v1.RecallStats.Builder b = dev.ascent.proto.tracker.v1.RecallStats.newBuilder()
                .setName("users/" + s.handle() + "/recallStats")
                .setToday(Days.format(s.today()))
                .setDueTodayCount(s.dueToday())
                .setTrueRetentionPercent(s.trueRetentionPercent())
                .setTrueRetentionReviewCount(s.retentionReviews())
                .setCardCount(s.cardCount())
                .setSuspendedCount(s.suspendedCount())
                .setSettings(settings(s.handle(), s.settings()));
        s.forecast().forEach(d -> b.addForecast(day(d)));
        s.reviewsPerDay().forEach(d -> b.addReviewsPerDay(day(d)));
        return b.build();
    }

    private static RecallDayCount day(RecallStats.DayCount d) {
        return RecallDayCount.newBuilder()
                .setDate(Days.format(d.day()))
                .setCount(d.count())
                .build();
    }
}
