package dev.ascent.tracker.consistency;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.grpc.Days;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the counters the tracker keeps beside its raw rows and reports (and optionally repairs) any drift:
 * <ul>
 *   <li>an item's {@code logged_minutes}: the sum of its time entries;</li>
 *   <li>a plan's {@code logged_minutes}: the sum of its time entries;</li>
 *   <li>a plan's day rollups ({@code plan_day.minutes}): the sum of its time entries per day;</li>
 *   <li>item positions: 0..n-1 in their stored order, with no gap or duplicate;</li>
 *   <li>a practice session's {@code step_count} and {@code checked_count}: its steps;</li>
 *   <li>a user's practice rollups: their sessions and steps ({@link PracticeRollupCheck}).</li>
 * </ul>
 * One page of plans, sessions or users per call, each checked in its own short transaction under the plan's (or session's)
 * row lock, as every write takes it, so a check never reports a write in flight as drift and a repair never races a
 * writer. A repair moves the version, so clients' etags go stale.
 * {@code plan_day.actions} is not checked: status changes count there on the day they happened in the plan's time
 * zone, which the history does not record exactly.
 */
@Singleton
public class ConsistencyChecker {

    public static final int DEFAULT_PAGE_SIZE = 200;
    public static final int MAX_PAGE_SIZE = 1000;

    public record Drift(String resource, String field, long stored, long expected) {}

    public record Page(
            List<Drift> drifts, int plansChecked, int sessionsChecked, boolean repaired, String nextPageToken) {}

    /** Which rows a page covers: plans, then sessions, then users (their practice rollups). */
    private enum Phase {
        PLANS,
        SESSIONS,
        USERS
    }

    private record Cursor(Phase phase, long afterId) {}

    private record Owned(long id, String handle) {}

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final PracticeRollupCheck practiceRollups;
    private final Clock clock;

    public ConsistencyChecker(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            PracticeRollupCheck practiceRollups,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.practiceRollups = practiceRollups;
        this.clock = clock;
    }

    public Page check(Caller caller, boolean repair, int pageSize, String pageToken) {
        if (!caller.admin()) {
            throw ApiException.permissionDenied("only an administrator can check consistency");
        }
        if (pageSize < 0) {
            throw ApiException.invalid("page_size", "must not be negative");
        }
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        Cursor cursor = decode(pageToken);
        List<Drift> drifts = new ArrayList<>();
        if (cursor.phase() == Phase.PLANS) {
            List<Owned> plans = page(
                    "SELECT p.id, u.handle FROM plan p JOIN app_user u ON u.id = p.user_id "
                            + "WHERE p.id > ? ORDER BY p.id LIMIT ?",
                    cursor.afterId(),
                    size);
            for (Owned plan : plans) {
                drifts.addAll(transactions.executeWrite(s -> checkPlan(plan, repair)));
            }
            String next = encode(
                    plans.size() < size
                            ? new Cursor(Phase.SESSIONS, 0)
                            : new Cursor(
                                    Phase.PLANS, plans.get(plans.size() - 1).id()));
            return new Page(drifts, plans.size(), 0, repair, next);
        }
        if (cursor.phase() == Phase.SESSIONS) {
            List<Owned> sessions = page(
                    "SELECT s.id, u.handle FROM practice_session s JOIN app_user u "
                            + "ON u.id = s.user_id WHERE s.id > ? ORDER BY s.id LIMIT ?",
                    cursor.afterId(),
                    size);
            for (Owned session : sessions) {
                drifts.addAll(transactions.executeWrite(s -> checkSession(session, repair)));
            }
            String next = encode(
                    sessions.size() < size
                            ? new Cursor(Phase.USERS, 0)
                            : new Cursor(
                                    Phase.SESSIONS,
                                    sessions.get(sessions.size() - 1).id()));
            return new Page(drifts, 0, sessions.size(), repair, next);
        }
        List<Owned> users =
                page("SELECT id, handle FROM app_user WHERE id > ? ORDER BY id LIMIT ?", cursor.afterId(), size);
        for (Owned user : users) {
            drifts.addAll(practiceRollups.check(user.id(), user.handle(), repair));
        }
        String next = users.size() < size
                ? ""
                : encode(new Cursor(Phase.USERS, users.get(users.size() - 1).id()));
        return new Page(drifts, 0, 0, repair, next);
    }

    private List<Drift> checkPlan(Owned plan, boolean repair) {
        String planName = "users/" + plan.handle() + "/plans/" + plan.id();
        List<long[]> planRow = rows("SELECT logged_minutes FROM plan WHERE id = ? FOR UPDATE", 1, plan.id());
        if (planRow.isEmpty()) {
            return List.of(); // deleted since the page was read
        }
        List<Drift> drifts = new ArrayList<>();
        // id, position, logged_minutes, sum of time entries; in stored order
        List<long[]> items = rows(
                "SELECT i.id, i.position, i.logged_minutes, COALESCE((SELECT SUM(t.minutes) "
                        + "FROM time_entry t WHERE t.item_id = i.id AND t.plan_id = i.plan_id), 0) FROM plan_item i "
                        + "WHERE i.plan_id = ? ORDER BY i.position, i.id",
                4,
                plan.id());
        long total = 0;
        for (int index = 0; index < items.size(); index++) {
            long[] item = items.get(index);
            String itemName = planName + "/items/" + item[0];
            total += item[3];
            if (item[2] != item[3]) {
                drifts.add(new Drift(itemName, "logged_minutes", item[2], item[3]));
                if (repair) {
                    update(
                            "UPDATE plan_item SET logged_minutes = ?, version = version + 1 WHERE id = ?",
                            item[3],
                            item[0]);
                }
            }
            if (item[1] != index) {
                drifts.add(new Drift(itemName, "position", item[1], index));
                if (repair) {
                    update("UPDATE plan_item SET position = ?, version = version + 1 WHERE id = ?", index, item[0]);
                }
            }
        }
        // Time entries of items that no longer exist still count towards the plan, as they did when logged.
        total += rows(
                        "SELECT COALESCE(SUM(t.minutes), 0) FROM time_entry t WHERE t.plan_id = ? AND NOT EXISTS "
                                + "(SELECT 1 FROM plan_item i WHERE i.id = t.item_id AND i.plan_id = t.plan_id)",
                        1,
                        plan.id())
                .get(0)[0];
        if (planRow.get(0)[0] != total) {
            drifts.add(new Drift(planName, "logged_minutes", planRow.get(0)[0], total));
            if (repair) {
                update("UPDATE plan SET logged_minutes = ? WHERE id = ?", total, plan.id());
            }
        }
        drifts.addAll(checkDays(plan, planName, repair));
        if (repair && !drifts.isEmpty()) {
            update(
                    "UPDATE plan SET version = version + 1, update_time = ? WHERE id = ?",
                    InstantMicros.toMicros(clock.instant()),
                    plan.id());
        }
        return drifts;
    }

    private List<Drift> checkDays(Owned plan, String planName, boolean repair) {
        Map<Long, Long> stored = new TreeMap<>();
        rows("SELECT on_day, minutes FROM plan_day WHERE plan_id = ?", 2, plan.id())
                .forEach(r -> stored.put(r[0], r[1]));
        Map<Long, long[]> expected = new TreeMap<>();
        rows(
                        "SELECT entry_day, SUM(minutes), COUNT(*) FROM time_entry WHERE plan_id = ? GROUP BY entry_day",
                        3,
                        plan.id())
                .forEach(r -> expected.put(r[0], r));
        List<Drift> drifts = new ArrayList<>();
        Map<Long, Long> days = new TreeMap<>(stored);
        expected.keySet().forEach(d -> days.putIfAbsent(d, null));
        for (Map.Entry<Long, Long> day : days.entrySet()) {
            long want = expected.containsKey(day.getKey()) ? expected.get(day.getKey())[1] : 0;
            long have = day.getValue() == null ? 0 : day.getValue();
            if (want == have) {
                continue;
            }
            drifts.add(
                    new Drift(planName, "days/" + Days.format(Math.toIntExact(day.getKey())) + "/minutes", have, want));
            if (!repair) {
                continue;
            }
            if (day.getValue() == null) {
                update(
                        "INSERT INTO plan_day (user_id, plan_id, on_day, minutes, actions) SELECT user_id, id, ?, ?, ? "
                                + "FROM plan WHERE id = ?",
                        day.getKey(),
                        want,
                        expected.get(day.getKey())[2],
                        plan.id());
            } else {
                update(
                        "UPDATE plan_day SET minutes = ? WHERE plan_id = ? AND on_day = ?",
                        want,
                        plan.id(),
                        day.getKey());
            }
        }
        return drifts;
    }

    private List<Drift> checkSession(Owned session, boolean repair) {
        List<long[]> row =
                rows("SELECT step_count, checked_count FROM practice_session WHERE id = ? FOR UPDATE", 2, session.id());
        if (row.isEmpty()) {
            return List.of();
        }
        long[] counts = rows(
                        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN checked THEN 1 ELSE 0 END), 0) "
                                + "FROM practice_step WHERE session_id = ?",
                        2,
                        session.id())
                .get(0);
        String name = "users/" + session.handle() + "/practiceSessions/" + session.id();
        List<Drift> drifts = new ArrayList<>();
        if (row.get(0)[0] != counts[0]) {
            drifts.add(new Drift(name, "step_count", row.get(0)[0], counts[0]));
        }
        if (row.get(0)[1] != counts[1]) {
            drifts.add(new Drift(name, "checked_count", row.get(0)[1], counts[1]));
        }
        if (repair && !drifts.isEmpty()) {
            update(
                    "UPDATE practice_session SET step_count = ?, checked_count = ?, version = version + 1, "
                            + "update_time = ? WHERE id = ?",
                    counts[0],
                    counts[1],
                    InstantMicros.toMicros(clock.instant()),
                    session.id());
        }
        return drifts;
    }

    // ---- SQL ----

    private List<Owned> page(String sql, long afterId, int size) {
        return transactions.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, size);
            List<Owned> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Owned(rs.getLong(1), rs.getString(2)));
                }
            }
            return out;
        }));
    }

    private List<long[]> rows(String sql, int columns, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<long[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] row = new long[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getLong(c + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    private void update(String sql, Object... args) {
        jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    // ---- page tokens: the phase (plans, sessions, users) and the last id seen ----

    private static final String PHASES = "psu";

    private static String encode(Cursor cursor) {
        String raw = "v1:" + PHASES.charAt(cursor.phase().ordinal()) + ":" + cursor.afterId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String token) {
        if (token == null || token.isEmpty()) {
            return new Cursor(Phase.PLANS, 0);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("v1") && parts[1].length() == 1 && PHASES.contains(parts[1])) {
                return new Cursor(Phase.values()[PHASES.indexOf(parts[1])], Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.invalid("page_token", "is not a token from a previous CheckConsistency call");
    }
}
