package dev.ascent.tracker.mentorship;

import dev.ascent.common.db.BoundedCount.Counted;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.db.SqlLongs;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.plan.ItemStatus;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.Scheduler;
import dev.ascent.tracker.progress.ProgressCalculator;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mentor's overview of each active mentee: the percent complete and pace of every plan that is not archived (the
 * same computation as GetProgressSummary), folded into one row. A page costs six queries whatever its size and
 * however long the mentees' histories: the mentorships, then the page's plans, their items (summed per status and
 * due day), their day rollups for this week, each mentee's latest activity and open review requests, each batched
 * over the page with IN lists.
 */
@Singleton
public class MenteeSummaries {

    /** How many plans of one mentee are summarised; more is not a realistic learning load. */
    static final int MAX_PLANS = 50;

    public record Row(
            MentorshipView mentorship,
            int planCount,
            double percentComplete,
            ProgressCalculator.Pace pace,
            Instant lastActivity,
            long minutesThisWeek,
            int awaitingReview) {}

    private final MentorshipQueries queries;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public MenteeSummaries(MentorshipQueries queries, JdbcOperations jdbc, Clock clock) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Connectable
    public Counted<Row> list(Caller caller, int limit, int offset) {
        return new Counted<>(
                rows(caller, limit, offset), queries.countActive(caller.userId(), MentorshipQueries.Side.MENTOR));
    }

    private List<Row> rows(Caller caller, int limit, int offset) {
        List<MentorshipView> page = queries.active(caller.userId(), MentorshipQueries.Side.MENTOR, limit, offset);
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> mentees =
                page.stream().map(m -> m.row().menteeId()).distinct().toList();
        Map<Long, List<PlanRow>> plans = plans(mentees);
        List<PlanRow> all = plans.values().stream().flatMap(List::stream).toList();
        Map<Long, List<PlanItemRow>> items = itemTotals(mentees, all);
        Map<Long, Integer> today = new HashMap<>();
        all.forEach(p -> today.put(p.id(), Days.today(clock, p.timeZone())));
        Map<Long, Long> week = weekMinutes(all, today);
        Map<Long, Instant> last = lastActivity(mentees);
        Map<Long, Integer> awaiting = awaitingReview(caller.userId(), mentees);
        List<Row> out = new ArrayList<>();
        for (MentorshipView m : page) {
            long mentee = m.row().menteeId();
            double weighted = 0;
            long totalWeight = 0;
            ProgressCalculator.Pace worst = null;
            long minutesThisWeek = 0;
            List<PlanRow> active = plans.getOrDefault(mentee, List.of());
            for (PlanRow plan : active) {
                List<PlanItemRow> totals = items.getOrDefault(plan.id(), List.of());
                ProgressCalculator.Summary s =
                        ProgressCalculator.summarize(plan, totals, List.of(), today.get(plan.id()));
                // The weight: estimated minutes of the items that count towards percent complete (all but SKIPPED).
                long w = totals.stream()
                        .filter(i -> i.status() != ItemStatus.SKIPPED)
                        .mapToLong(PlanItemRow::estimatedMinutes)
                        .sum();
                weighted += s.percentComplete() * w;
                totalWeight += w;
                if (worst == null || s.pace().ordinal() > worst.ordinal()) {
                    worst = s.pace();
                }
                minutesThisWeek += week.getOrDefault(plan.id(), 0L);
            }
            double percent = totalWeight == 0 ? 0 : Math.round(10.0 * weighted / totalWeight) / 10.0;
            out.add(new Row(
                    m,
                    active.size(),
                    percent,
                    worst,
                    last.get(mentee),
                    minutesThisWeek,
                    awaiting.getOrDefault(mentee, 0)));
        }
        return out;
    }

    /** Each mentee's newest {@link #MAX_PLANS} plans that are not archived, in one query. */
    private Map<Long, List<PlanRow>> plans(List<Long> mentees) {
        return jdbc.prepareStatement(
                "SELECT * FROM plan WHERE user_id IN (" + SqlLongs.marks(mentees.size()) + ") "
                        + "AND archived = FALSE ORDER BY user_id, create_time DESC, id DESC",
                ps -> {
                    bind(ps, 1, mentees);
                    Map<Long, List<PlanRow>> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        jdbc.entityStream(rs, PlanRow.class).forEach(p -> {
                            List<PlanRow> list = out.computeIfAbsent(p.userId(), k -> new ArrayList<>());
                            if (list.size() < MAX_PLANS) {
                                list.add(p);
                            }
                        });
                    }
                    return out;
                });
    }

    /**
     * The plans' items summed per status and due day, as one pseudo item each: percent complete and pace are sums
     * of estimated minutes by status and due day, so {@link ProgressCalculator#summarize} gives the same figures as
     * it does from every item, from a number of rows bounded by the plans' lengths.
     */
    private Map<Long, List<PlanItemRow>> itemTotals(List<Long> mentees, List<PlanRow> plans) {
        Map<Long, List<PlanItemRow>> out = new HashMap<>();
        if (plans.isEmpty()) {
            return out;
        }
        List<Long> planIds = plans.stream().map(PlanRow::id).toList();
        return jdbc.prepareStatement(
                "SELECT plan_id, status, due_day, SUM(estimated_minutes) FROM plan_item "
                        + "WHERE user_id IN (" + SqlLongs.marks(mentees.size()) + ") AND plan_id IN ("
                        + SqlLongs.marks(planIds.size())
                        + ") "
                        + "GROUP BY plan_id, status, due_day",
                ps -> {
                    bind(ps, bind(ps, 1, mentees), planIds);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long plan = rs.getLong(1);
                            out.computeIfAbsent(plan, k -> new ArrayList<>())
                                    .add(PlanItemRow.create(0, 0, plan, "", Instant.EPOCH)
                                            .estimatedMinutes(Math.toIntExact(rs.getLong(4)))
                                            .schedule(0, rs.getInt(3))
                                            .status(ItemStatus.valueOf(rs.getString(2)))
                                            .build());
                        }
                    }
                    return out;
                });
    }

    /**
     * Minutes logged in each plan's current plan week (from the day that week starts to today, in the plan's time
     * zone), from the day rollups, in one query: the figure GetProgressSummary calls minutes_this_week.
     */
    private Map<Long, Long> weekMinutes(List<PlanRow> plans, Map<Long, Integer> today) {
        Map<Long, Long> out = new HashMap<>();
        if (plans.isEmpty()) {
            return out;
        }
        Map<Long, Integer> weekStart = new HashMap<>();
        plans.forEach(p -> {
            int day = today.get(p.id());
            weekStart.put(p.id(), p.startDay() + (Scheduler.weekOf(p.startDay(), day) - 1) * 7);
        });
        List<Long> planIds = plans.stream().map(PlanRow::id).toList();
        // Joined from plan rather than "plan_id IN (...) AND on_day BETWEEN": H2 uses only the IN column of the
        // (plan_id, on_day) key for that form and read every day of every plan (28 ms for 150 plans of 400 days,
        // against 1.8 ms for this form, which seeks each plan's range; MySQL reads the same ranges either way).
        return jdbc.prepareStatement(
                "SELECT d.plan_id, d.on_day, d.minutes FROM plan p JOIN plan_day d ON d.plan_id = p.id "
                        + "AND d.on_day BETWEEN ? AND ? WHERE p.id IN (" + SqlLongs.marks(planIds.size()) + ")",
                ps -> {
                    ps.setInt(
                            1,
                            weekStart.values().stream()
                                    .mapToInt(Integer::intValue)
                                    .min()
                                    .orElseThrow());
                    ps.setInt(
                            2,
                            today.values().stream()
                                    .mapToInt(Integer::intValue)
                                    .max()
                                    .orElseThrow());
                    bind(ps, 3, planIds);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long plan = rs.getLong(1);
                            int day = rs.getInt(2);
                            if (day >= weekStart.get(plan) && day <= today.get(plan)) {
                                out.merge(plan, rs.getLong(3), Long::sum);
                            }
                        }
                    }
                    return out;
                });
    }

    /**
     * Each mentee's latest event: one backward step through {@code ix_activity_user} per mentee, one statement.
     * Ordered by both of its columns, so H2 too reads the index backwards instead of sorting the mentee's history.
     */
    private Map<Long, Instant> lastActivity(List<Long> mentees) {
        return jdbc.prepareStatement(
                "SELECT u.id, (SELECT a.create_time FROM activity a WHERE a.user_id = u.id "
                        + "ORDER BY a.user_id DESC, a.seq DESC LIMIT 1) FROM app_user u WHERE u.id IN ("
                        + SqlLongs.marks(mentees.size()) + ")",
                ps -> {
                    bind(ps, 1, mentees);
                    Map<Long, Instant> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long micros = rs.getLong(2);
                            if (!rs.wasNull()) {
                                out.put(rs.getLong(1), InstantMicros.fromMicros(micros));
                            }
                        }
                    }
                    return out;
                });
    }

    /**
     * Open review requests from each mentee to this mentor, through the mentor's index: by the mentees' index H2
     * matched only the IN list and read every request the mentees ever made.
     */
    private Map<Long, Integer> awaitingReview(long mentorId, List<Long> mentees) {
        return jdbc.prepareStatement(
                "SELECT user_id, COUNT(*) FROM review_request USE INDEX (ix_review_request_mentor) "
                        + "WHERE mentor_id = ? AND state = 'OPEN' AND user_id IN (" + SqlLongs.marks(mentees.size())
                        + ") GROUP BY user_id",
                ps -> {
                    ps.setLong(1, mentorId);
                    bind(ps, 2, mentees);
                    Map<Long, Integer> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), rs.getInt(2));
                        }
                    }
                    return out;
                });
    }

    /** Binds {@code ids} from {@code index}; returns the next index. */
    static int bind(PreparedStatement ps, int index, List<Long> ids) throws SQLException {
        for (Long id : ids) {
            ps.setLong(index++, id);
        }
        return index;
    }
}
