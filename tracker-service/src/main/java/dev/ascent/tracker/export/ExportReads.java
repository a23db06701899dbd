package dev.ascent.tracker.export;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL an export reads beyond the plan and its items: each a single query per plan, in the caller's transaction. */
@Singleton
class ExportReads {

    /** A time entry as stored. */
    record Entry(long id, long itemId, int minutes, int day, String note, Instant createTime) {}

    /** A comment with its author's handle. */
    record Comment(long id, long itemId, String authorHandle, String authorName, String body, Instant createTime) {}

    /** One row of a card's review log. */
    record Review(
            long cardId,
            int rating,
            String stateBefore,
            int elapsedDays,
            double stability,
            double difficulty,
            Instant due,
            Instant reviewTime) {}

    private final JdbcOperations jdbc;

    ExportReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> entries(long userId, long planId) {
        return jdbc.prepareStatement(
                "SELECT id, item_id, minutes, entry_day, note, create_time FROM time_entry "
                        + "WHERE user_id = ? AND plan_id = ? ORDER BY create_time, id",
                ps -> {
                    bind(ps, userId, planId);
                    List<Entry> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Entry(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getInt(3),
                                    rs.getInt(4),
                                    rs.getString(5),
                                    InstantMicros.fromMicros(rs.getLong(6))));
                        }
                    }
                    return out;
                });
    }

    List<Comment> comments(long userId, long planId) {
        return jdbc.prepareStatement(
                "SELECT c.id, c.item_id, u.handle, u.display_name, c.body, c.create_time "
                        + "FROM item_comment c JOIN app_user u ON u.id = c.author_id WHERE c.user_id = ? AND c.plan_id = ? "
                        + "ORDER BY c.create_time, c.id",
                ps -> {
                    bind(ps, userId, planId);
                    List<Comment> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Comment(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    InstantMicros.fromMicros(rs.getLong(6))));
                        }
                    }
                    return out;
                });
    }

    /** The review log of the user's live cards of one plan, oldest first. */
    List<Review> reviews(long userId, long planId) {
        return jdbc.prepareStatement(
                "SELECT r.card_id, r.rating, r.state_before, r.elapsed_days, r.stability, "
                        + "r.difficulty, r.due_time, r.review_time FROM recall_review r JOIN recall_card c ON c.id = r.card_id "
                        + "WHERE r.user_id = ? AND c.user_id = r.user_id AND c.plan_id = ? AND c.deleted = FALSE "
                        + "ORDER BY r.review_time, r.id",
                ps -> {
                    bind(ps, userId, planId);
                    List<Review> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Review(
                                    rs.getLong(1),
                                    rs.getInt(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getDouble(5),
                                    rs.getDouble(6),
                                    InstantMicros.fromMicros(rs.getLong(7)),
                                    InstantMicros.fromMicros(rs.getLong(8))));
                        }
                    }
                    return out;
                });
    }

    private static void bind(PreparedStatement ps, long userId, long planId) throws SQLException {
        ps.setLong(1, userId);
        ps.setLong(2, planId);
    }
}
