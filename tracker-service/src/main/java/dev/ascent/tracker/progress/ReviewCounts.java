package dev.ascent.tracker.progress;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;

/** How many review requests of a plan are open: one indexed count (review_request by plan and state). */
final class ReviewCounts {

    private ReviewCounts() {}

    static int open(JdbcOperations jdbc, long planId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM review_request WHERE plan_id = ? AND state = 'OPEN'", ps -> {
            ps.setLong(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }
}
