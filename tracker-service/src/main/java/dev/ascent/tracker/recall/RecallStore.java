package dev.ascent.tracker.recall;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.tracker.recall.fsrs.ScheduledCard;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for recall cards, reviews and settings; runs in the caller's transaction. */
@Singleton
public class RecallStore {

    private static final String COLUMNS = "id, user_id, origin, source_name, plan_id, front, back, state, step, "
            + "stability, difficulty, suspended, due_time, last_review_time, reps, lapses, version, create_time";

    private final JdbcOperations jdbc;

    public RecallStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A new card to insert. */
    public record NewCard(
            long id,
            long userId,
            String origin,
            String sourceKey,
            String sourceName,
            Long planId,
            String front,
            String back,
            Instant now) {}

    /** Inserts the card unless the user already has one from the same source; true when inserted. */
    public boolean insertIfAbsent(NewCard c) {
        boolean exists = jdbc.prepareStatement("SELECT 1 FROM recall_card WHERE user_id = ? AND source_key = ?", ps -> {
            ps.setLong(1, c.userId());
            ps.setString(2, c.sourceKey());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (exists) {
            return false;
        }
        long micros = InstantMicros.toMicros(c.now());
        jdbc.prepareStatement(
                "INSERT INTO recall_card (id, user_id, origin, source_key, source_name, plan_id, front, "
                        + "back, state, step, stability, difficulty, suspended, deleted, due_time, last_review_time, reps, "
                        + "lapses, version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'LEARNING', 0, NULL, "
                        + "NULL, FALSE, FALSE, ?, NULL, 0, 0, 1, ?, ?)",
                ps -> {
                    ps.setLong(1, c.id());
                    ps.setLong(2, c.userId());
                    ps.setString(3, c.origin());
                    ps.setString(4, c.sourceKey());
                    ps.setString(5, c.sourceName());
                    setLong(ps, 6, c.planId());
                    ps.setString(7, c.front());
                    ps.setString(8, c.back());
                    ps.setLong(9, micros);
                    ps.setLong(10, micros);
                    ps.setLong(11, micros);
                    return ps.executeUpdate();
                });
        return true;
    }

    /** Inserts a card with its whole schedule (ImportPlan): a new row of a new plan, so nothing to lock. */
    public void insertImported(RecallCardRow c, String sourceKey, Instant now) {
        jdbc.prepareStatement(
                "INSERT INTO recall_card (id, user_id, origin, source_key, source_name, plan_id, front, "
                        + "back, state, step, stability, difficulty, suspended, deleted, due_time, last_review_time, reps, "
                        + "lapses, version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, "
                        + "?, ?, 1, ?, ?)",
                ps -> {
                    ps.setLong(1, c.id());
                    ps.setLong(2, c.userId());
                    ps.setString(3, c.origin());
                    ps.setString(4, sourceKey);
                    ps.setString(5, c.sourceName());
                    setLong(ps, 6, c.planId());
                    ps.setString(7, c.front());
                    ps.setString(8, c.back());
                    ps.setString(9, c.state());
                    ps.setInt(10, c.step());
                    setDouble(ps, 11, c.stability());
                    setDouble(ps, 12, c.difficulty());
                    ps.setBoolean(13, c.suspended());
                    ps.setLong(14, InstantMicros.toMicros(c.due()));
                    if (c.lastReview() == null) {
                        ps.setNull(15, Types.BIGINT);
                    } else {
                        ps.setLong(15, InstantMicros.toMicros(c.lastReview()));
                    }
                    ps.setInt(16, c.reps());
                    ps.setInt(17, c.lapses());
                    ps.setLong(18, InstantMicros.toMicros(c.createTime()));
                    ps.setLong(19, InstantMicros.toMicros(now));
                    return ps.executeUpdate();
                });
    }

    /** One logged review as it was (ImportPlan); {@code day} is its epoch day in the owner's recall time zone. */
    public record LoggedReview(
            long id,
            long userId,
            long cardId,
            int rating,
            String stateBefore,
            int elapsedDays,
            double stability,
            double difficulty,
            Instant due,
            Instant reviewTime,
            int day) {}

    public void insertLogged(LoggedReview r) {
        jdbc.prepareStatement(
                "INSERT INTO recall_review (id, user_id, card_id, rating, state_before, elapsed_days, "
                        + "stability, difficulty, due_time, review_time, review_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, r.id());
                    ps.setLong(2, r.userId());
                    ps.setLong(3, r.cardId());
                    ps.setInt(4, r.rating());
                    ps.setString(5, r.stateBefore());
                    ps.setInt(6, r.elapsedDays());
                    ps.setDouble(7, r.stability());
                    ps.setDouble(8, r.difficulty());
                    ps.setLong(9, InstantMicros.toMicros(r.due()));
                    ps.setLong(10, InstantMicros.toMicros(r.reviewTime()));
                    ps.setInt(11, r.day());
                    return ps.executeUpdate();
                });
    }

    /** Locks the card row, the root of every write to a card and its reviews. */
    public Optional<RecallCardRow> lock(long userId, long cardId) {
        return one(
                "SELECT " + COLUMNS + " FROM recall_card WHERE id = ? AND user_id = ? AND deleted = FALSE "
                        + "FOR UPDATE",
                userId,
                cardId);
    }

    public Optional<RecallCardRow> find(long userId, long cardId) {
        return one(
                "SELECT " + COLUMNS + " FROM recall_card WHERE id = ? AND user_id = ? AND deleted = FALSE",
                userId,
                cardId);
    }

    /** The live cards made from one plan's items and practice sessions, oldest first (an export). */
    public List<RecallCardRow> forPlan(long userId, long planId) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM recall_card WHERE user_id = ? AND plan_id = ? "
                        + "AND deleted = FALSE ORDER BY create_time, id",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, planId);
                    return rows(ps);
                });
    }

    /** Stores the schedule after a review; counters and version move in SQL. */
    public void reviewed(long cardId, ScheduledCard next, boolean lapse, Instant now) {
        jdbc.prepareStatement(
                "UPDATE recall_card SET state = ?, step = ?, stability = ?, difficulty = ?, "
                        + "due_time = ?, last_review_time = ?, reps = reps + 1, lapses = lapses + ?, version = version + 1, "
                        + "update_time = ? WHERE id = ?",
                ps -> {
                    ps.setString(1, next.state().name());
                    ps.setInt(2, next.step());
                    ps.setDouble(3, next.memory().stability());
                    ps.setDouble(4, next.memory().difficulty());
                    ps.setLong(5, InstantMicros.toMicros(next.due()));
                    ps.setLong(6, InstantMicros.toMicros(next.lastReview()));
                    ps.setInt(7, lapse ? 1 : 0);
                    ps.setLong(8, InstantMicros.toMicros(now));
                    ps.setLong(9, cardId);
                    return ps.executeUpdate();
                });
    }

    public void insertReview(
            long id, RecallCardRow before, int rating, long elapsedDays, ScheduledCard next, Instant now, int day) {
        jdbc.prepareStatement(
                "INSERT INTO recall_review (id, user_id, card_id, rating, state_before, elapsed_days, "
                        + "stability, difficulty, due_time, review_time, review_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, before.userId());
                    ps.setLong(3, before.id());
                    ps.setInt(4, rating);
                    ps.setString(5, before.state());
                    ps.setInt(6, (int) Math.min(Integer.MAX_VALUE, elapsedDays));
                    ps.setDouble(7, next.memory().stability());
                    ps.setDouble(8, next.memory().difficulty());
                    ps.setLong(9, InstantMicros.toMicros(next.due()));
                    ps.setLong(10, InstantMicros.toMicros(now));
                    ps.setInt(11, day);
                    return ps.executeUpdate();
                });
    }

    public void setSuspended(long cardId, boolean suspended, Instant now) {
        jdbc.prepareStatement(
                "UPDATE recall_card SET suspended = ?, version = version + 1, update_time = ? " + "WHERE id = ?",
                ps -> {
                    ps.setBoolean(1, suspended);
                    ps.setLong(2, InstantMicros.toMicros(now));
                    ps.setLong(3, cardId);
                    return ps.executeUpdate();
                });
    }

    /**
     * Deletes the card's reviews and text. The row stays as a tombstone (suspended, empty text) so the item or step
     * it came from never creates it again; reads skip it.
     */
    public void delete(long userId, long cardId, Instant now) {
        update("DELETE FROM recall_review WHERE user_id = ? AND card_id = ?", userId, cardId);
        jdbc.prepareStatement(
                "UPDATE recall_card SET deleted = TRUE, front = '', back = '', suspended = TRUE, "
                        + " version = version + 1, update_time = ? WHERE id = ?",
                ps -> {
                    ps.setLong(1, InstantMicros.toMicros(now));
                    ps.setLong(2, cardId);
                    return ps.executeUpdate();
                });
    }

    /** A page of the cards due at {@code nowMicros}, oldest due first. */
    public List<RecallCardRow> due(long userId, long nowMicros, int limit, int offset) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM recall_card WHERE user_id = ? AND suspended = FALSE "
                        + "AND due_time <= ? ORDER BY due_time, id LIMIT ? OFFSET ?",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, nowMicros);
                    ps.setInt(3, limit);
                    ps.setInt(4, offset);
                    return rows(ps);
                });
    }

    /** A user's unsuspended cards due before a time: parameters user id, then the time in micros (exclusive). */
    public static final String DUE_COUNT =
            "SELECT COUNT(*) FROM recall_card WHERE user_id = ? AND suspended = FALSE AND due_time < ?";

    /**
     * {@link #DUE_COUNT} as a subquery of {@code plan p}: the plan owner's cards due before the one parameter (a
     * summary's plan stamp and due count in one statement).
     */
    public static final String OWNERS_DUE_COUNT = "SELECT COUNT(*) FROM recall_card c WHERE c.user_id = p.user_id "
            + "AND c.suspended = FALSE AND c.due_time < ?";

    /** Unsuspended cards due before {@code beforeMicros}. */
    public int dueBefore(long userId, long beforeMicros) {
        return count(DUE_COUNT, userId, beforeMicros);
    }

    /** Due times of unsuspended cards before {@code beforeMicros}. */
    public List<Long> dueTimes(long userId, long beforeMicros) {
        return jdbc.prepareStatement(
                "SELECT due_time FROM recall_card WHERE user_id = ? AND suspended = FALSE " + "AND due_time < ?",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, beforeMicros);
                    List<Long> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                });
    }

    /** Cards neither suspended nor deleted, and when the oldest of them was made (null without any). */
    public record Active(int count, Instant since) {}

    public Active active(long userId) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*), MIN(create_time) FROM recall_card WHERE user_id = ? "
                        + "AND suspended = FALSE AND deleted = FALSE",
                ps -> {
                    ps.setLong(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long since = rs.getLong(2);
                        return new Active(rs.getInt(1), rs.wasNull() ? null : InstantMicros.fromMicros(since));
                    }
                });
    }

    /** Live (not deleted) cards and how many of them are suspended. */
    public int[] cardCounts(long userId) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN suspended THEN 1 ELSE 0 END), 0) "
                        + "FROM recall_card WHERE user_id = ? AND deleted = FALSE",
                ps -> {
                    ps.setLong(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new int[] {rs.getInt(1), rs.getInt(2)};
                    }
                });
    }

    public int reviewsOn(long userId, int day) {
        return count("SELECT COUNT(*) FROM recall_review WHERE user_id = ? AND review_day = ?", userId, day);
    }

    /** Reviews per day from {@code fromDay} on; days without reviews are absent. */
    public Map<Integer, Integer> reviewsPerDay(long userId, int fromDay) {
        return jdbc.prepareStatement(
                "SELECT review_day, COUNT(*) FROM recall_review WHERE user_id = ? "
                        + "AND review_day >= ? GROUP BY review_day",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setInt(2, fromDay);
                    Map<Integer, Integer> out = new TreeMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getInt(1), rs.getInt(2));
                        }
                    }
                    return out;
                });
    }

    /** Reviews of cards in REVIEW state since {@code fromDay}, and how many of them were not AGAIN. */
    public int[] retention(long userId, int fromDay) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END), 0) "
                        + "FROM recall_review WHERE user_id = ? AND review_day >= ? AND state_before = 'REVIEW'",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setInt(2, fromDay);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new int[] {rs.getInt(1), rs.getInt(2)};
                    }
                });
    }

    public Optional<RecallSettingsRow> settings(long userId) {
        return jdbc.prepareStatement(
                "SELECT desired_retention, daily_limit, time_zone FROM recall_settings " + "WHERE user_id = ?", ps -> {
                    ps.setLong(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new RecallSettingsRow(rs.getDouble(1), rs.getInt(2), rs.getString(3)))
                                : Optional.<RecallSettingsRow>empty();
                    }
                });
    }

    /** Writes the settings: update, or insert the first time (a concurrent first insert fails on the key). */
    public void saveSettings(long userId, RecallSettingsRow s, Instant now) {
        int updated = jdbc.prepareStatement(
                "UPDATE recall_settings SET desired_retention = ?, daily_limit = ?, "
                        + "time_zone = ?, update_time = ? WHERE user_id = ?",
                ps -> {
                    ps.setDouble(1, s.desiredRetention());
                    ps.setInt(2, s.dailyLimit());
                    ps.setString(3, s.timeZone());
                    ps.setLong(4, InstantMicros.toMicros(now));
                    ps.setLong(5, userId);
                    return ps.executeUpdate();
                });
        if (updated == 0) {
            jdbc.prepareStatement(
                    "INSERT INTO recall_settings (user_id, desired_retention, daily_limit, time_zone, "
                            + "update_time) VALUES (?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setLong(1, userId);
                        ps.setDouble(2, s.desiredRetention());
                        ps.setInt(3, s.dailyLimit());
                        ps.setString(4, s.timeZone());
                        ps.setLong(5, InstantMicros.toMicros(now));
                        return ps.executeUpdate();
                    });
        }
    }

    /** Locks the settings row when it exists (writers of one user's settings serialize on it). */
    public void lockSettings(long userId) {
        jdbc.prepareStatement("SELECT user_id FROM recall_settings WHERE user_id = ? FOR UPDATE", ps -> {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private Optional<RecallCardRow> one(String sql, long userId, long cardId) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, cardId);
            ps.setLong(2, userId);
            List<RecallCardRow> rows = rows(ps);
            return rows.isEmpty() ? Optional.<RecallCardRow>empty() : Optional.of(rows.get(0));
        });
    }

    private int count(String sql, long userId, long value) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private void update(String sql, long userId, long id) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, userId);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    private static List<RecallCardRow> rows(PreparedStatement ps) throws SQLException {
        List<RecallCardRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long plan = rs.getLong(5);
                Long planId = rs.wasNull() ? null : plan;
                double s = rs.getDouble(10);
                Double stability = rs.wasNull() ? null : s;
                double d = rs.getDouble(11);
                Double difficulty = rs.wasNull() ? null : d;
                long last = rs.getLong(14);
                Instant lastReview = rs.wasNull() ? null : InstantMicros.fromMicros(last);
                out.add(new RecallCardRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        planId,
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getInt(9),
                        stability,
                        difficulty,
                        rs.getBoolean(12),
                        InstantMicros.fromMicros(rs.getLong(13)),
                        lastReview,
                        rs.getInt(15),
                        rs.getInt(16),
                        rs.getInt(17),
                        InstantMicros.fromMicros(rs.getLong(18))));
            }
        }
        return out;
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
