package dev.ascent.tracker.review;

import dev.ascent.common.db.SqlLongs;
import dev.ascent.tracker.plan.OpenItemReviews;
import dev.ascent.tracker.practice.OpenSessionReviews;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The open review request of each item of a plan, in one query per plan (never one per item), and of a page of
 * practice sessions, in one query per page.
 */
@Singleton
public class OpenReviews implements OpenItemReviews, OpenSessionReviews {

    private final JdbcOperations jdbc;

    public OpenReviews(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Item id to review request id. */
    @Override
    @Connectable
    public Map<Long, Long> byItem(long planId) {
        return jdbc.prepareStatement(
                "SELECT item_id, id FROM review_request WHERE plan_id = ? AND state = 'OPEN'", ps -> {
                    ps.setLong(1, planId);
                    Map<Long, Long> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), rs.getLong(2));
                        }
                    }
                    return out;
                });
    }

    /** Session id to review request id, looked up by the sessions' open keys (a unique index). */
    @Override
    @Connectable
    public Map<Long, Long> bySession(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        String marks = SqlLongs.marks(sessionIds.size());
        return jdbc.prepareStatement(
                "SELECT open_key, id FROM review_request WHERE open_key IN (" + marks + ")", ps -> {
                    int i = 1;
                    for (long id : sessionIds) {
                        ps.setString(i++, ReviewService.sessionOpenKey(id));
                    }
                    Map<Long, Long> out = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(Long.valueOf(rs.getString(1).substring("session:".length())), rs.getLong(2));
                        }
                    }
                    return out;
                });
    }
}
