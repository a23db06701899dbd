package dev.ascent.tracker.review;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/** The open review request of each item of a plan, in one query per plan (never one per item). */
@Singleton
public class OpenReviews {

    private final JdbcOperations jdbc;

    public OpenReviews(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Item id to review request id. */
    @ReadOnly
    public Map<Long, Long> byItem(long planId) {
        return jdbc.prepareStatement("SELECT item_id, id FROM review_request WHERE plan_id = ? AND state = 'OPEN'",
                ps -> {
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
}
