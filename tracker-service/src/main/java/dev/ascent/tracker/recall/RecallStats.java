package dev.ascent.tracker.recall;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.FieldViolation;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Days;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recall figures and settings. Stats are readable by the owner and an active mentor (AccessPolicy); settings change
 * by the owner only, under a lock on the settings row.
 */
@Singleton
public class RecallStats {

    static final int FORECAST_DAYS = 7;
    static final int HISTORY_DAYS = 30;
    static final double MIN_RETENTION = 0.70;
    static final double MAX_RETENTION = 0.99;
    static final int MAX_DAILY_LIMIT = 9999;

    private final RecallStore store;
    private final RecallService cards;
    private final AccessPolicy access;
    private final Clock clock;

    public RecallStats(RecallStore store, RecallService cards, AccessPolicy access, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.access = access;
        this.clock = clock;
    }

    public record DayCount(int day, int count) {}

    public record Stats(
            String handle,
            int today,
            int dueToday,
            List<DayCount> forecast,
            List<DayCount> reviewsPerDay,
            double trueRetentionPercent,
            int retentionReviews,
            int cardCount,
            int suspendedCount,
            RecallSettingsRow settings) {}

    /** Settings changes; null fields stay as they are. */
    public record SettingsChange(Double desiredRetention, Integer dailyLimit, String timeZone) {}

    @Transactional
    public Stats stats(Caller caller, String handle) {
        UserRow owner = access.readableOwner(caller, handle, "users/" + handle);
        RecallSettingsRow settings = cards.settings(owner.id());
        String zone = settings.timeZone();
        int today = cards.today(settings);
        long[] ends = new long[FORECAST_DAYS];
        for (int i = 0; i < FORECAST_DAYS; i++) {
            ends[i] = RecallService.startOfDayMicros(today + i + 1, zone);
        }
        int[] buckets = new int[FORECAST_DAYS];
        for (long due : store.dueTimes(owner.id(), ends[FORECAST_DAYS - 1])) {
            int i = 0;
            while (due >= ends[i]) {
                i++;
            }
            buckets[i]++;
        }
        List<DayCount> forecast = new ArrayList<>();
        for (int i = 0; i < FORECAST_DAYS; i++) {
            forecast.add(new DayCount(today + i, buckets[i]));
        }
        int from = today - HISTORY_DAYS + 1;
        Map<Integer, Integer> perDay = store.reviewsPerDay(owner.id(), from);
        List<DayCount> history = new ArrayList<>();
        for (int day = from; day <= today; day++) {
            history.add(new DayCount(day, perDay.getOrDefault(day, 0)));
        }
        int[] retention = store.retention(owner.id(), from);
        double percent = retention[0] == 0 ? 0 : 100.0 * retention[1] / retention[0];
        int[] counts = store.cardCounts(owner.id());
        return new Stats(
                owner.handle(),
                today,
                buckets[0],
                forecast,
                history,
                percent,
                retention[0],
                counts[0],
                counts[1],
                settings);
    }

    @Transactional
    public RecallSettingsRow update(Caller caller, String handle, SettingsChange change) {
        UserRow owner = access.writableOwner(caller, handle, "users/" + handle + "/recallSettings");
        store.lockSettings(owner.id());
        RecallSettingsRow old = cards.settings(owner.id());
        RecallSettingsRow updated = new RecallSettingsRow(
                change.desiredRetention() == null ? old.desiredRetention() : change.desiredRetention(),
                change.dailyLimit() == null ? old.dailyLimit() : change.dailyLimit(),
                change.timeZone() == null ? old.timeZone() : change.timeZone());
        store.saveSettings(owner.id(), updated, clock.instant());
        return updated;
    }

    /** Validates a settings change against the update mask; every bad field is reported at once. */
    public static SettingsChange change(Set<String> mask, double retention, int limit, String zone) {
        List<FieldViolation> bad = new ArrayList<>();
        for (String path : mask) {
            if (!Set.of("desired_retention", "daily_limit", "time_zone").contains(path)) {
                bad.add(new FieldViolation(
                        "update_mask",
                        "has unknown path '" + path + "'; use desired_retention, daily_limit or time_zone"));
            }
        }
        boolean all = mask.isEmpty();
        Double r = null;
        if (all || mask.contains("desired_retention")) {
            if (!(retention >= MIN_RETENTION && retention <= MAX_RETENTION)) {
                bad.add(new FieldViolation(
                        "settings.desired_retention", "must be between 0.70 and 0.99, not " + retention));
            }
            r = retention;
        }
        Integer l = null;
        if (all || mask.contains("daily_limit")) {
            if (limit < 0 || limit > MAX_DAILY_LIMIT) {
                bad.add(new FieldViolation(
                        "settings.daily_limit", "must be 0 (no limit) to " + MAX_DAILY_LIMIT + ", not " + limit));
            }
            l = limit;
        }
        String z = null;
        if (all || mask.contains("time_zone")) {
            try {
                z = Days.zone(zone, "settings.time_zone");
            } catch (ApiException e) {
                bad.add(new FieldViolation(
                        "settings.time_zone", "must be an IANA time zone such as Europe/Berlin, not '" + zone + "'"));
            }
        }
        if (!bad.isEmpty()) {
            throw ApiException.invalid(bad);
        }
        return new SettingsChange(r, l, z);
    }
}
