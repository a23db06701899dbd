package dev.ascent.tracker.consistency;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.PlanDayCounters;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.plan.PlanCounters;
import dev.ascent.tracker.practice.PracticeRollupCheck;
import dev.ascent.tracker.practice.SessionCounters;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the counters the tracker keeps beside its raw rows and reports (and optionally repairs) any drift:
 * <ul>
 *   <li>an item's {@code logged_minutes}: the sum of its time entries;</li>
 *   <li>a plan's {@code logged_minutes}: the sum of its time entries;</li>
 *   <li>a plan's day rollups ({@code plan_day.minutes}): the sum of its time entries per day;</li>
 *   <li>item positions: 0..n-1 in their stored order, with no gap or duplicate;</li>
 *   <li>a practice session's {@code step_count} and {@code checked_count}: its steps;</li>
 *   <li>a user's practice rollups: their sessions and steps.</li>
 * </ul>
 * One page of plans, sessions or users per call, each checked in its own short transaction under the plan's (or session's)
 * row lock, as every write takes it, so a check never reports a write in flight as drift and a repair never races a
 * writer. A repair moves the version, so clients' etags go stale.
 * Each feature checks and repairs its own tables ({@link PlanCounters}, {@link PlanDayCounters},
 * {@link SessionCounters}, {@link PracticeRollupCheck}); this class pages, opens the transactions and names the
 * drifts.
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

    private record Owned(long id, String handle, long userId) {}

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final PlanCounters planCounters;
    private final PlanDayCounters dayCounters;
    private final SessionCounters sessionCounters;
    private final PracticeRollupCheck practiceRollups;

    public ConsistencyChecker(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            PlanCounters planCounters,
            PlanDayCounters dayCounters,
            SessionCounters sessionCounters,
            PracticeRollupCheck practiceRollups) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.planCounters = planCounters;
        this.dayCounters = dayCounters;
        this.sessionCounters = sessionCounters;
        this.practiceRollups = practiceRollups;
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
                    "SELECT p.id, u.handle, u.id FROM plan p JOIN app_user u ON u.id = p.user_id "
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
                    "SELECT s.id, u.handle, u.id FROM practice_session s JOIN app_user u "
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
                page("SELECT id, handle, id FROM app_user WHERE id > ? ORDER BY id LIMIT ?", cursor.afterId(), size);
        for (Owned user : users) {
            drifts.addAll(checkRollups(user, repair));
        }
        String next = users.size() < size
                ? ""
                : encode(new Cursor(Phase.USERS, users.get(users.size() - 1).id()));
        return new Page(drifts, 0, 0, repair, next);
    }

    private List<Drift> checkPlan(Owned plan, boolean repair) {
        Optional<List<PlanCounters.Drift>> counters = planCounters.check(plan.id(), repair);
        if (counters.isEmpty()) {
            return List.of(); // deleted since the page was read
        }
        String planName = "users/" + plan.handle() + "/plans/" + plan.id();
        List<Drift> drifts = new ArrayList<>();
        for (PlanCounters.Drift d : counters.get()) {
            String resource = d.itemId() == null ? planName : planName + "/items/" + d.itemId();
            drifts.add(new Drift(resource, d.field(), d.stored(), d.expected()));
        }
        for (PlanDayCounters.Drift d :
                dayCounters.check(plan.userId(), plan.id(), planCounters.entryDays(plan.id()), repair)) {
            drifts.add(new Drift(planName, "days/" + Days.format(d.day()) + "/minutes", d.stored(), d.expected()));
        }
        if (repair && !drifts.isEmpty()) {
            planCounters.repaired(plan.id());
        }
        return drifts;
    }

    private List<Drift> checkSession(Owned session, boolean repair) {
        String name = "users/" + session.handle() + "/practiceSessions/" + session.id();
        return sessionCounters.check(session.id(), repair).stream()
                .map(d -> new Drift(name, d.field(), d.stored(), d.expected()))
                .toList();
    }

    /** One transaction per source; a check without repair rolls back the empty rollup row the lock may create. */
    private List<Drift> checkRollups(Owned user, boolean repair) {
        String resource = "users/" + user.handle() + "/practiceStats";
        List<Drift> drifts = new ArrayList<>();
        for (String source : transactions.executeRead(status -> practiceRollups.sources(user.id()))) {
            drifts.addAll(transactions.executeWrite(status -> {
                List<PracticeRollupCheck.Drift> found = practiceRollups.checkSource(user.id(), source, repair);
                if (!repair) {
                    status.setRollbackOnly();
                }
                return found.stream()
                        .map(d -> new Drift(resource, d.field(), d.stored(), d.expected()))
                        .toList();
            }));
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
                    out.add(new Owned(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        }));
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
