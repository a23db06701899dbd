package dev.ascent.tracker.review;

import dev.ascent.common.db.BoundedCount;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.db.SqlLongs;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.Page;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.account.Users;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Review request lists, oldest first, keyset-paged by (create_time, id) so a queue that is being worked through
 * does not shift later pages. A page costs at most five queries whatever its size: the filter's two handles, the
 * requests, the handles of their mentees and mentors, and the total (a {@link BoundedCount}). The caller sees requests they made, and requests to them from mentees whose
 * mentorship is ACTIVE.
 */
@Singleton
public class ReviewQueue {

    /** A filter of the list; null handles mean no filter. {@code state} is a stored state name. */
    public record Filter(String menteeHandle, String mentorHandle, String state) {
        String fingerprint() {
            return Integer.toHexString((menteeHandle + "|" + mentorHandle + "|" + state).hashCode());
        }
    }

    private final JdbcOperations jdbc;
    private final Users users;

    public ReviewQueue(JdbcOperations jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Connectable
    public Page<ReviewView> list(Caller caller, Filter filter, int size, String pageToken) {
        long[] after = after(pageToken, filter);
        // Neither filter: the caller's queue as a mentor.
        String mentorHandle = filter.menteeHandle() == null && filter.mentorHandle() == null
                ? caller.handle()
                : filter.mentorHandle();
        Optional<Long> mentee = id(filter.menteeHandle());
        Optional<Long> mentor = id(mentorHandle);
        if ((filter.menteeHandle() != null && mentee.isEmpty()) || (mentorHandle != null && mentor.isEmpty())) {
            return new Page<>(List.of(), "");
        }
        StringBuilder where = new StringBuilder(" FROM review_request r WHERE (r.user_id = ? OR (r.mentor_id = ? "
                + "AND EXISTS (SELECT 1 FROM mentorship m WHERE m.mentor_id = r.mentor_id AND m.mentee_id = r.user_id "
                + "AND m.state = 'ACTIVE'))) AND r.state = ?");
        mentee.ifPresent(x -> where.append(" AND r.user_id = ?"));
        mentor.ifPresent(x -> where.append(" AND r.mentor_id = ?"));
        BoundedCount.Binder filtered = ps -> {
            int i = 1;
            ps.setLong(i++, caller.userId());
            ps.setLong(i++, caller.userId());
            ps.setString(i++, filter.state());
            if (mentee.isPresent()) {
                ps.setLong(i++, mentee.get());
            }
            if (mentor.isPresent()) {
                ps.setLong(i++, mentor.get());
            }
            return i;
        };
        String sql = "SELECT *" + where + " AND (r.create_time > ? OR (r.create_time = ? AND r.id > ?))"
                + " ORDER BY r.create_time, r.id LIMIT ?";
        List<ReviewRequestRow> rows = jdbc.prepareStatement(sql, ps -> {
            int i = filtered.bind(ps);
            ps.setLong(i++, after[0]);
            ps.setLong(i++, after[0]);
            ps.setLong(i++, after[1]);
            ps.setInt(i, size + 1);
            try (ResultSet rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, ReviewRequestRow.class).toList();
            }
        });
        Page<ReviewRequestRow> shown = Page.of(rows, size, last -> token(last, filter));
        Map<Long, String> handles = handles(shown.items());
        return new Page<>(
                shown.items().stream()
                        .map(r -> new ReviewView(
                                r,
                                handles.getOrDefault(r.userId(), "unknown"),
                                handles.getOrDefault(r.mentorId(), "unknown")))
                        .toList(),
                shown.nextPageToken(),
                BoundedCount.of(jdbc, "SELECT 1" + where, filtered));
    }

    /** The handles of every mentee and mentor on the page, in one query. */
    private Map<Long, String> handles(List<ReviewRequestRow> rows) {
        Map<Long, String> out = new HashMap<>();
        Set<Long> ids = new TreeSet<>();
        rows.forEach(r -> {
            ids.add(r.userId());
            ids.add(r.mentorId());
        });
        if (ids.isEmpty()) {
            return out;
        }
        return jdbc.prepareStatement(
                "SELECT id, handle FROM app_user WHERE id IN (" + SqlLongs.marks(ids.size()) + ")", ps -> {
                    int i = 1;
                    for (long id : ids) {
                        ps.setLong(i++, id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                    return out;
                });
    }

    private Optional<Long> id(String handle) {
        return handle == null ? Optional.empty() : users.findByHandle(handle).map(UserRow::id);
    }

    private static String token(ReviewRequestRow last, Filter filter) {
        String raw = "q1:" + InstantMicros.toMicros(last.createTime()) + ":" + last.id() + ":" + filter.fingerprint();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static long[] after(String token, Filter filter) {
        if (token == null || token.isEmpty()) {
            return new long[] {Long.MIN_VALUE, Long.MIN_VALUE};
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (p.length == 4 && p[0].equals("q1") && p[3].equals(filter.fingerprint())) {
                return new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])};
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.invalid("page_token", "is not a token from a previous call with the same filters");
    }
}
