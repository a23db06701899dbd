package dev.ascent.tracker.mentorship;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.tracker.access.Days;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.plan.PlanRepository;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.progress.ProgressCalculator;
import dev.ascent.tracker.progress.ProgressService;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mentor's overview of each active mentee: the progress summary of every plan that is not archived (the same
 * computation as GetProgressSummary), folded into one row. Costs a few bounded queries per plan, never a scan of
 * the history.
 */
@Singleton
public class MenteeSummaries {

    /** How many plans of one mentee are summarised; more is not a realistic learning load. */
    static final int MAX_PLANS = 50;

    public record Row(MentorshipView mentorship, int planCount, double percentComplete,
                      ProgressCalculator.Pace pace, Instant lastActivity, long minutesThisWeek, int awaitingReview) {
    }

    private final MentorshipQueries queries;
    private final PlanRepository plans;
    private final ProgressService progress;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public MenteeSummaries(MentorshipQueries queries, PlanRepository plans, ProgressService progress,
                           JdbcOperations jdbc, Clock clock) {
        this.queries = queries;
        this.plans = plans;
        this.progress = progress;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ReadOnly
    public List<Row> list(Caller caller, int limit, int offset) {
        List<Row> out = new ArrayList<>();
        for (MentorshipView m : queries.active(caller.userId(), MentorshipQueries.Side.MENTOR, limit, offset)) {
            out.add(summarize(m));
        }
        return out;
    }

    private Row summarize(MentorshipView m) {
        long menteeId = m.row().menteeId();
        UserRow mentee = new UserRow(menteeId, m.menteeHandle(), m.menteeDisplayName(), false, m.row().createTime());
        List<PlanRow> active = plans.listForUser(menteeId, false, MAX_PLANS, 0);
        Map<Long, Long> weights = countedMinutes(menteeId);
        double weighted = 0;
        long totalWeight = 0;
        ProgressCalculator.Pace worst = null;
        long minutesThisWeek = 0;
        for (PlanRow plan : active) {
            ProgressCalculator.Summary s = progress.summarize(mentee, plan).summary();
            long w = weights.getOrDefault(plan.id(), 0L);
            weighted += s.percentComplete() * w;
            totalWeight += w;
            if (worst == null || s.pace().ordinal() > worst.ordinal()) {
                worst = s.pace();
            }
            minutesThisWeek += calendarWeekMinutes(plan);
        }
        double percent = totalWeight == 0 ? 0 : Math.round(10.0 * weighted / totalWeight) / 10.0;
        return new Row(m, active.size(), percent, worst, lastActivity(menteeId), minutesThisWeek,
                awaitingReview(menteeId, m.row().mentorId()));
    }

    /** Estimated minutes of the items that count towards percent complete (all but SKIPPED), per plan. */
    private Map<Long, Long> countedMinutes(long userId) {
        return jdbc.prepareStatement("SELECT plan_id, SUM(estimated_minutes) FROM plan_item WHERE user_id = ? "
                + "AND status <> 'SKIPPED' GROUP BY plan_id", ps -> {
                    ps.setLong(1, userId);
                    Map<Long, Long> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                    return out;
                });
    }

    /** Monday to today in the plan's time zone, from the day rollups. */
    private long calendarWeekMinutes(PlanRow plan) {
        int today = Days.today(clock, plan.timeZone());
        int monday = today - (LocalDate.ofEpochDay(today).getDayOfWeek().getValue() - 1);
        return jdbc.prepareStatement("SELECT COALESCE(SUM(minutes), 0) FROM plan_day WHERE plan_id = ? "
                + "AND on_day BETWEEN ? AND ?", ps -> {
                    ps.setLong(1, plan.id());
                    ps.setInt(2, monday);
                    ps.setInt(3, today);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                });
    }

    private Instant lastActivity(long userId) {
        return jdbc.prepareStatement("SELECT create_time FROM activity WHERE user_id = ? ORDER BY seq DESC LIMIT 1",
                ps -> {
                    ps.setLong(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? InstantMicros.fromMicros(rs.getLong(1)) : null;
                    }
                });
    }

    private int awaitingReview(long menteeId, long mentorId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM review_request WHERE user_id = ? AND mentor_id = ? "
                + "AND state = 'OPEN'", ps -> {
                    ps.setLong(1, menteeId);
                    ps.setLong(2, mentorId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                });
    }
}
