package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.ErrorKind;
import dev.ascent.common.error.FieldViolation;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * LogTime: minutes spent on an item on a day (today by default); a TODO item moves to IN_PROGRESS.
 *
 * <p>{@link #logAll} applies many LogTimes in one transaction with a fixed number of statements (the group commit of
 * {@link LogTimeWriter}): it locks their plans in id order, reads their items and the minutes already logged on each
 * item's day (from the item's day counter, {@code logged_day}, when it holds that day; else summed), decides each
 * request in order as if it ran alone after the ones before it, and writes what the accepted ones changed. A
 * refused request writes nothing. {@link #log} is the same for one request.
 */
@Singleton
public class LogTime {

    /** {@code day} null means today in the plan's time zone. */
    public record Command(int minutes, Integer day, String note) {
        public Command {
            Objects.requireNonNull(note, "note");
            if (minutes < 1 || minutes > PlanLimits.MAX_MINUTES_PER_ITEM_DAY) {
                throw new IllegalArgumentException("minutes out of range: " + minutes);
            }
        }
    }

    /** One LogTime call. */
    public record Request(Caller caller, Names.ItemName name, Command command) {}

    /** The new time entry and the item after it. */
    public record Logged(long entryId, int minutes, int day, String note, Instant createTime, PlanItemRow item) {}

    /**
     * A request's result: what it logged, or why it was refused, or neither when it was deferred (its plan was
     * locked by another transaction); a refused or deferred request wrote nothing.
     */
    public record Outcome(Logged logged, ApiException refused) {

        static final Outcome DEFERRED = new Outcome(null, null);

        public boolean deferred() {
            return logged == null && refused == null;
        }

        public Logged orThrow() {
            if (refused != null) {
                throw refused;
            }
            return logged;
        }
    }

    /** What {@link #logAll} needs of a locked plan. */
    private record PlanFacts(long id, long userId, int startDay, String timeZone, boolean archived) {}

    private static final String ITEM_COLUMNS = "id, user_id, plan_id, kind, title, description, source_content, "
            + "source_text, source_name, source_line, estimated_minutes, week, due_day, due_pinned, status, verified, "
            + "verified_by, position, notes, notes_private, logged_minutes, version, create_time, update_time, "
            + "complete_time";

    private final AccessPolicy access;
    private final ActivityLog activity;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public LogTime(AccessPolicy access, ActivityLog activity, JdbcOperations jdbc, Clock clock) {
        this.access = access;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Logged log(Caller caller, Names.ItemName name, Command command) {
        return logAll(List.of(new Request(caller, name, command)), false).get(0).orThrow();
    }

    /**
     * Applies {@code requests} in order, in the caller's transaction (or a new one); one outcome per request. With
     * {@code skipLocked}, a request whose plan another transaction holds is {@link Outcome#deferred} (nothing of it
     * written) instead of waiting for the lock, so one busy plan does not hold up a batch of others.
     */
    @Transactional
    public List<Outcome> logAll(List<Request> requests, boolean skipLocked) {
        Outcome[] outcomes = new Outcome[requests.size()];
        UserRow[] owners = new UserRow[requests.size()];
        TreeSet<Long> planIds = new TreeSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            try {
                owners[i] = access.writableOwner(
                        r.caller(), r.name().handle(), r.name().name());
                planIds.add(r.name().plan().planId());
            } catch (ApiException e) {
                outcomes[i] = new Outcome(null, e);
            }
        }
        if (planIds.isEmpty()) {
            return List.of(outcomes);
        }
        // Every write to a plan or its items takes the plan's row lock first; in id order, so two writers that lock
        // several plans cannot deadlock. Items and sums are read after the locks at READ COMMITTED: every earlier
        // writer's entries are in the sums, and no writer of these plans can add one until this transaction ends.
        Map<Long, PlanFacts> plans = lockPlans(planIds, skipLocked);
        Map<Long, PlanItemRow> items = new HashMap<>();
        Map<List<Long>, Integer> logged = new HashMap<>(); // (user, plan, item, day) -> minutes logged that day
        List<long[]> keys = new ArrayList<>();
        Instant now = clock.instant();
        Map<Long, Integer> todays = new HashMap<>();
        int[] days = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            Request r = requests.get(i);
            try {
                PlanFacts plan = plans.get(r.name().plan().planId());
                if (plan == null && skipLocked) {
                    outcomes[i] = Outcome.DEFERRED; // locked elsewhere, or not there: the writer runs it alone
                    continue;
                }
                if (plan == null || plan.userId() != owners[i].id()) {
                    throw ApiException.notFound(r.name().plan().name());
                }
                if (plan.archived()) {
                    throw ApiException.failedPrecondition(
                            "PLAN_ARCHIVED", "the plan is archived; unarchive it to change it");
                }
                int today = todays.computeIfAbsent(plan.id(), id -> Days.today(clock, plan.timeZone()));
                int day = r.command().day() == null ? today : r.command().day();
                if (day > today) {
                    throw ApiException.invalid(
                            "day", "must not be in the future (today is " + Days.format(today) + ")");
                }
                if (day < plan.startDay()) {
                    throw ApiException.invalid(
                            "day", "must not be before the plan's start date " + Days.format(plan.startDay()));
                }
                days[i] = day;
                keys.add(new long[] {plan.userId(), plan.id(), r.name().itemId(), day});
            } catch (ApiException e) {
                outcomes[i] = new Outcome(null, e);
            }
        }
        if (!keys.isEmpty()) {
            readItems(keys, items, logged);
        }

        Map<Long, PlanItemRow> latest = new LinkedHashMap<>();
        Map<Long, int[]> counters = new HashMap<>(); // item -> {day, minutes}: its day counter after this batch
        List<Logged> entries = new ArrayList<>();
        Map<Long, long[]> planWrites = new LinkedHashMap<>(); // plan -> {minutes, writes}
        Map<List<Long>, long[]> dayCounts = new LinkedHashMap<>(); // (user, plan, day) -> {minutes, actions}
        List<ActivityLog.Event> events = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            Request r = requests.get(i);
            PlanFacts plan = plans.get(r.name().plan().planId());
            PlanItemRow item =
                    latest.getOrDefault(r.name().itemId(), items.get(r.name().itemId()));
            if (item == null || item.planId() != plan.id() || item.userId() != plan.userId()) {
                outcomes[i] = new Outcome(null, ApiException.notFound(r.name().name()));
                continue;
            }
            int minutes = r.command().minutes();
            List<Long> key = List.of(plan.userId(), plan.id(), item.id(), (long) days[i]);
            int before = logged.getOrDefault(key, 0);
            if (before + minutes > PlanLimits.MAX_MINUTES_PER_ITEM_DAY) {
                outcomes[i] = new Outcome(null, tooMany(r.name(), days[i], before));
                continue;
            }
            logged.put(key, before + minutes);
            counters.put(item.id(), new int[] {days[i], before + minutes});
            PlanItemRow.Builder b = item.toBuilder()
                    .loggedMinutes(item.loggedMinutes() + minutes)
                    .updateTime(now);
            boolean started = item.status() == ItemStatus.TODO;
            if (started) {
                b.status(ItemStatus.IN_PROGRESS);
            }
            PlanItemRow updated = b.build();
            latest.put(item.id(), updated);
            Logged entry =
                    new Logged(Ids.next(clock), minutes, days[i], r.command().note(), now, updated);
            entries.add(entry);
            outcomes[i] = new Outcome(entry, null);
            planWrites.merge(plan.id(), new long[] {minutes, 1}, (a, c) -> new long[] {a[0] + c[0], a[1] + c[1]});
            dayCounts.merge(List.of(plan.userId(), plan.id(), (long) days[i]), new long[] {minutes, 1}, (a, c) ->
                    new long[] {a[0] + c[0], a[1] + c[1]});
            events.add(ActivityLog.Event.of(
                            plan.userId(),
                            plan.id(),
                            item.id(),
                            r.caller().userId(),
                            ActivityType.TIME_LOGGED,
                            "Logged " + minutes + " min on \"" + item.title() + "\"")
                    .withMinutes(minutes, days[i]));
            if (started) {
                events.add(ActivityLog.Event.of(
                                plan.userId(),
                                plan.id(),
                                item.id(),
                                r.caller().userId(),
                                ActivityType.STATUS_CHANGED,
                                "\"" + item.title() + "\": TODO -> IN_PROGRESS")
                        .withStatuses(ItemStatus.TODO.name(), ItemStatus.IN_PROGRESS.name()));
            }
        }
        if (!entries.isEmpty()) {
            write(items, List.copyOf(latest.values()), counters, entries, planWrites, now);
            List<ActivityLog.DayCount> counts = new ArrayList<>();
            dayCounts.forEach((k, v) -> counts.add(
                    new ActivityLog.DayCount(k.get(0), k.get(1), Math.toIntExact(k.get(2)), v[0], (int) v[1])));
            activity.countDays(counts);
            activity.recordAll(events);
        }
        return Collections.unmodifiableList(List.of(outcomes));
    }

    private static ApiException tooMany(Names.ItemName name, int day, int logged) {
        String why = name.name() + " has " + logged + " minutes logged on " + Days.format(day)
                + "; an item takes at most " + PlanLimits.MAX_MINUTES_PER_ITEM_DAY + " minutes a day, so at most "
                + (PlanLimits.MAX_MINUTES_PER_ITEM_DAY - logged) + " more fit";
        return new ApiException(
                ErrorKind.INVALID_ARGUMENT,
                "DAILY_MINUTES_EXCEEDED",
                "minutes: " + why,
                List.of(new FieldViolation("minutes", why)));
    }

    private Map<Long, PlanFacts> lockPlans(TreeSet<Long> ids, boolean skipLocked) {
        List<Long> padded = padded(List.copyOf(ids));
        String sql = "SELECT id, user_id, start_day, time_zone, archived FROM plan WHERE id IN ("
                + marks(padded.size(), "?") + ") ORDER BY id FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : "");
        return jdbc.prepareStatement(sql, ps -> {
            int p = 1;
            for (long id : padded) {
                ps.setLong(p++, id);
            }
            Map<Long, PlanFacts> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getLong(1),
                            new PlanFacts(
                                    rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
            return out;
        });
    }

    /**
     * The named items (by primary key), and the minutes logged on each (user, plan, item, day) of {@code keys}: from
     * the item's day counter when it counts that day, else summed from the day's time entries.
     */
    private void readItems(List<long[]> keys, Map<Long, PlanItemRow> items, Map<List<Long>, Integer> logged) {
        List<Long> itemIds = padded(keys.stream().map(k -> k[2]).distinct().toList());
        Map<Long, int[]> counters = new HashMap<>();
        jdbc.prepareStatement(
                "SELECT " + ITEM_COLUMNS + ", logged_day, logged_day_minutes FROM plan_item WHERE id IN ("
                        + marks(itemIds.size(), "?") + ")",
                ps -> {
                    int p = 1;
                    for (long id : itemIds) {
                        ps.setLong(p++, id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            PlanItemRow row = PlanItemReads.row(rs);
                            items.put(row.id(), row);
                            int day = rs.getInt(26);
                            if (!rs.wasNull()) {
                                counters.put(row.id(), new int[] {day, rs.getInt(27)});
                            }
                        }
                    }
                    return null;
                });
        List<List<Long>> uncounted = new ArrayList<>();
        for (long[] k : keys) {
            PlanItemRow item = items.get(k[2]);
            int[] counter = counters.get(k[2]);
            if (item != null
                    && item.userId() == k[0]
                    && item.planId() == k[1]
                    && counter != null
                    && counter[0] == k[3]) {
                logged.put(List.of(k[0], k[1], k[2], k[3]), counter[1]);
            } else {
                uncounted.add(List.of(k[0], k[1], k[2], k[3]));
            }
        }
        if (uncounted.isEmpty()) {
            return;
        }
        // One range per key on ix_time_entry_day_minutes, read from the index alone (H2 and MariaDB both read a
        // row-value IN list by the index).
        List<List<Long>> distinct = padded(uncounted.stream().distinct().toList());
        jdbc.prepareStatement(
                "SELECT user_id, plan_id, item_id, entry_day, SUM(minutes) FROM time_entry "
                        + "WHERE (user_id, plan_id, item_id, entry_day) IN (" + marks(distinct.size(), "(?, ?, ?, ?)")
                        + ") GROUP BY user_id, plan_id, item_id, entry_day",
                ps -> {
                    int p = 1;
                    for (List<Long> k : distinct) {
                        ps.setLong(p++, k.get(0));
                        ps.setLong(p++, k.get(1));
                        ps.setLong(p++, k.get(2));
                        ps.setInt(p++, Math.toIntExact(k.get(3)));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            logged.put(
                                    List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), (long) rs.getInt(4)),
                                    Math.toIntExact(rs.getLong(5)));
                        }
                    }
                    return null;
                });
    }

    /**
     * The items' and plans' counters (added in SQL, as every counter moves: minutes, versions, once per write), the
     * items' statuses and day counters ({@code counters}: item -> {day, minutes logged that day}), one UPDATE for all
     * items and one for all plans (a CASE per column), then the time entries in one batch. {@code before} holds the
     * items as read under the locks, {@code changed} as they are now.
     */
    private void write(
            Map<Long, PlanItemRow> before,
            List<PlanItemRow> changed,
            Map<Long, int[]> counters,
            List<Logged> entries,
            Map<Long, long[]> planWrites,
            Instant now) {
        long micros = InstantMicros.toMicros(now);
        List<PlanItemRow> items = padded(changed);
        String cases = marks(items.size(), "WHEN ? THEN ?").replace(",", "");
        jdbc.prepareStatement(
                "UPDATE plan_item SET logged_minutes = logged_minutes + CASE id " + cases + " END, "
                        + "status = CASE id " + cases + " END, version = version + CASE id " + cases + " END, "
                        + "logged_day = CASE id " + cases + " END, logged_day_minutes = CASE id " + cases + " END, "
                        + "update_time = ? WHERE id IN (" + marks(items.size(), "?") + ")",
                ps -> {
                    int p = 1;
                    for (PlanItemRow item : items) {
                        ps.setLong(p++, item.id());
                        ps.setLong(
                                p++,
                                item.loggedMinutes() - before.get(item.id()).loggedMinutes());
                    }
                    for (PlanItemRow item : items) {
                        ps.setLong(p++, item.id());
                        ps.setString(p++, item.status().name());
                    }
                    for (PlanItemRow item : items) {
                        ps.setLong(p++, item.id());
                        ps.setInt(p++, item.version() - before.get(item.id()).version());
                    }
                    for (PlanItemRow item : items) {
                        ps.setLong(p++, item.id());
                        ps.setInt(p++, counters.get(item.id())[0]);
                    }
                    for (PlanItemRow item : items) {
                        ps.setLong(p++, item.id());
                        ps.setInt(p++, counters.get(item.id())[1]);
                    }
                    ps.setLong(p++, micros);
                    for (PlanItemRow item : items) {
                        ps.setLong(p++, item.id());
                    }
                    return ps.executeUpdate();
                });
        // The plan's version (its etag) moves once per write, as PlanLocks.touch moves it; the last activity time
        // is set here, so no PlanActivity is published.
        List<Map.Entry<Long, long[]>> plans = padded(List.copyOf(planWrites.entrySet()));
        String planCases = marks(plans.size(), "WHEN ? THEN ?").replace(",", "");
        jdbc.prepareStatement(
                "UPDATE plan SET logged_minutes = logged_minutes + CASE id " + planCases + " END, "
                        + "version = version + CASE id " + planCases + " END, update_time = ?, "
                        + "last_activity_time = ? WHERE id IN (" + marks(plans.size(), "?") + ")",
                ps -> {
                    int p = 1;
                    for (Map.Entry<Long, long[]> plan : plans) {
                        ps.setLong(p++, plan.getKey());
                        ps.setLong(p++, plan.getValue()[0]);
                    }
                    for (Map.Entry<Long, long[]> plan : plans) {
                        ps.setLong(p++, plan.getKey());
                        ps.setLong(p++, plan.getValue()[1]);
                    }
                    ps.setLong(p++, micros);
                    ps.setLong(p++, micros);
                    for (Map.Entry<Long, long[]> plan : plans) {
                        ps.setLong(p++, plan.getKey());
                    }
                    return ps.executeUpdate();
                });
        TimeEntries.insertAll(
                jdbc,
                entries.stream()
                        .map(e -> new TimeEntries.NewEntry(
                                e.entryId(), e.item(), e.minutes(), e.day(), e.note(), e.createTime()))
                        .toList());
    }

    /**
     * {@code values} with its last one repeated up to the next power of two: a statement over a list then has one of
     * a few texts (1, 2, 4, ... values), each prepared once per connection and kept, instead of one per length.
     * Repeating a value changes nothing: an id twice in an IN list or a CASE matches the same row.
     */
    static <T> List<T> padded(List<T> values) {
        int size = Integer.highestOneBit(Math.max(1, values.size() - 1)) << 1;
        if (values.size() <= 1 || size == values.size()) {
            return values;
        }
        List<T> out = new ArrayList<>(size);
        out.addAll(values);
        while (out.size() < size) {
            out.add(values.get(values.size() - 1));
        }
        return out;
    }

    private static String marks(int count, String mark) {
        return String.join(", ", Collections.nCopies(count, mark));
    }
}
