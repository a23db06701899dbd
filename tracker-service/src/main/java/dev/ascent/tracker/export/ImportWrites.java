package dev.ascent.tracker.export;

import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

/** The plain SQL rows an import writes besides repositories' (time entries, comments, day rollups). */
@Singleton
class ImportWrites {

    private final JdbcOperations jdbc;

    ImportWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void timeEntry(long id, long userId, long planId, long itemId, int minutes, int day, String note, Instant created) {
        jdbc.prepareStatement("INSERT INTO time_entry (id, user_id, plan_id, item_id, minutes, entry_day, note, "
                + "create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, userId);
                    ps.setLong(3, planId);
                    ps.setLong(4, itemId);
                    ps.setInt(5, minutes);
                    ps.setInt(6, day);
                    ps.setString(7, note);
                    ps.setLong(8, InstantMicros.toMicros(created));
                    return ps.executeUpdate();
                });
    }

    void comment(long id, long userId, long planId, long itemId, long authorId, String body, Instant created) {
        jdbc.prepareStatement("INSERT INTO item_comment (id, user_id, plan_id, item_id, author_id, body, "
                + "review_request_id, create_time) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)", ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, userId);
                    ps.setLong(3, planId);
                    ps.setLong(4, itemId);
                    ps.setLong(5, authorId);
                    ps.setString(6, body);
                    ps.setLong(7, InstantMicros.toMicros(created));
                    return ps.executeUpdate();
                });
    }

    /** The day rollups of the imported time entries: minutes, and one action per entry, as LogTime counts them. */
    void days(long userId, long planId, Map<Integer, long[]> minutesAndEntriesByDay) {
        minutesAndEntriesByDay.forEach((day, sums) -> jdbc.prepareStatement("INSERT INTO plan_day (user_id, plan_id, "
                + "on_day, minutes, actions) VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, userId);
                    ps.setLong(2, planId);
                    ps.setInt(3, day);
                    ps.setLong(4, sums[0]);
                    ps.setInt(5, (int) sums[1]);
                    return ps.executeUpdate();
                }));
    }
}
