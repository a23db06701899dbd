package dev.ascent.tracker.activity;

import dev.ascent.common.db.SqlLongs;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The live stream's reads: each in its own short read-only transaction, so every poll sees the latest commits. */
@ReadOnly
@Singleton
public class StreamQueries {

    private final JdbcOperations jdbc;

    public StreamQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public long maxSeq() {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM activity", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The committed sequences in (after, upTo], in order. */
    public List<Long> committedSequences(long after, long upTo) {
        return sequences("SELECT seq FROM activity WHERE seq > ? AND seq <= ? ORDER BY seq", after, upTo);
    }

    /**
     * The sequences in (after, upTo] that exist at all, committed or not: a dirty read, so a row inserted by a
     * transaction that is still open counts, while a rolled-back insert is gone. This is how the poller tells a gap
     * that may still commit from one that never will, on InnoDB and H2 alike, without privileges or lock waits.
     * The last parameter changes with every call because H2 reuses a statement's previous result for the same
     * parameters when it sees no committed change, and a rollback is not one.
     */
    @ReadOnly(isolation = TransactionDefinition.Isolation.READ_UNCOMMITTED)
    public List<Long> anySequences(long after, long upTo) {
        return sequences(
                "SELECT seq FROM activity WHERE seq > ? AND seq <= ? AND ? <> 0 ORDER BY seq",
                after,
                upTo,
                System.nanoTime() | 1);
    }

    private List<Long> sequences(String sql, long... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            List<Long> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Every event after {@code seq}, whoever owns it, in sequence order: the shared poll of one instance. */
    public List<ActivityRow> after(long seq, int limit) {
        return jdbc.prepareStatement(ActivityQueries.SELECT + "WHERE a.seq > ? ORDER BY a.seq LIMIT ?", ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            return ActivityQueries.read(ps.executeQuery());
        });
    }

    /**
     * One watcher's backlog: events of {@code owners} in (after, upTo], optionally of one plan. With more owners
     * than one IN list takes, each chunk's first {@code limit} events are merged and the first {@code limit} of
     * them kept: still the backlog's first events in sequence order.
     */
    public List<ActivityRow> backlog(long after, long upTo, Collection<Long> owners, Long planId, int limit) {
        List<ActivityRow> out = new ArrayList<>();
        for (List<Long> chunk : chunks(owners)) {
            String sql = ActivityQueries.SELECT + "WHERE a.user_id IN (" + SqlLongs.marks(chunk.size())
                    + ") AND a.seq > ? AND a.seq <= ?" + (planId == null ? "" : " AND a.plan_id = ?")
                    + " ORDER BY a.seq LIMIT ?";
            out.addAll(jdbc.prepareStatement(sql, ps -> {
                int i = 1;
                for (long owner : chunk) {
                    ps.setLong(i++, owner);
                }
                ps.setLong(i++, after);
                ps.setLong(i++, upTo);
                if (planId != null) {
                    ps.setLong(i++, planId);
                }
                ps.setInt(i, limit);
                return ActivityQueries.read(ps.executeQuery());
            }));
        }
        if (out.size() <= limit) {
            return out;
        }
        out.sort(Comparator.comparingLong(ActivityRow::seq));
        return new ArrayList<>(out.subList(0, limit));
    }

    /** The ACTIVE mentees of each of {@code mentorIds}; every one of them is a key (an empty set: none). */
    public Map<Long, Set<Long>> activeMentees(Collection<Long> mentorIds) {
        Map<Long, Set<Long>> out = new HashMap<>();
        mentorIds.forEach(id -> out.put(id, new HashSet<>()));
        for (List<Long> chunk : chunks(mentorIds)) {
            jdbc.prepareStatement(
                    "SELECT mentor_id, mentee_id FROM mentorship WHERE state = 'ACTIVE' " + "AND mentor_id IN ("
                            + SqlLongs.marks(chunk.size()) + ")",
                    ps -> {
                        int i = 1;
                        for (long id : chunk) {
                            ps.setLong(i++, id);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.get(rs.getLong(1)).add(rs.getLong(2));
                            }
                        }
                        return null;
                    });
        }
        return out;
    }

    /**
     * Which of these token hashes still belong to a token that is not revoked. Asked {@value #CHUNK} at a time:
     * one statement takes at most 65,535 parameters on MySQL, and a tracker may hold more open streams than that.
     */
    public Set<String> validTokens(Collection<String> hashes) {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : chunks(hashes)) {
            jdbc.prepareStatement(
                    "SELECT token_hash FROM access_token WHERE revoke_time IS NULL AND token_hash IN ("
                            + SqlLongs.marks(chunk.size()) + ")",
                    ps -> {
                        int i = 1;
                        for (String h : chunk) {
                            ps.setString(i++, h);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(rs.getString(1));
                            }
                        }
                        return null;
                    });
        }
        return out;
    }

    /** Values per IN list: far below the 65,535 parameters a MySQL statement takes, and a plan cache's sweet spot. */
    static final int CHUNK = 1000;

    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return out;
    }
}
