package dev.ascent.tracker.activity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how far the poller may move: sequences are allocated at insert but committed in any order, so seeing
 * seq 11 does not mean seq 10 is done. A missing sequence is stepped over only once the database shows that no open
 * transaction holds it (a dirty read finds no such row: it was rolled back, or deleted) and it has been missing for
 * {@code grace}, which covers the instant between allocating a sequence and inserting its row. A sequence that an open
 * transaction still holds is waited for, holding every later event back so streams stay in order, for at most
 * {@code maxWait}; after that the stream moves on without it (logged), since one stuck transaction must not stop
 * every stream forever. Used by the single poller thread only.
 */
final class SequenceGaps {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceGaps.class);
    /** How far below the newest event a starting poller looks for transactions still open. */
    private static final long START_WINDOW = 1000;

    private final StreamQueries queries;
    private final long graceNanos;
    private final long maxWaitNanos;
    private long gapStart = -1;
    private long gapSinceNanos;

    SequenceGaps(StreamQueries queries, long graceNanos, long maxWaitNanos) {
        this.queries = queries;
        this.graceNanos = graceNanos;
        this.maxWaitNanos = maxWaitNanos;
    }

    /** Where a starting poller begins: the newest event, or just before the oldest recent one still uncommitted. */
    long initialHead() {
        long max = queries.maxSeq();
        long from = Math.max(0, max - START_WINDOW);
        List<Long> existing = queries.anySequences(from, max);
        // Read after the dirty read, so a row that commits in between counts as committed.
        Set<Long> committed = new HashSet<>(queries.committedSequences(from, max));
        for (long seq : existing) {
            if (!committed.contains(seq)) {
                return seq - 1;
            }
        }
        return max;
    }

    /** The leading rows of {@code rows} (events after {@code head}, in order) that the poller may hand out now. */
    List<ActivityRow> contiguous(long head, List<ActivityRow> rows) {
        List<ActivityRow> out = new ArrayList<>();
        long expected = head + 1;
        for (ActivityRow row : rows) {
            if (row.seq() != expected && !settled(expected, row.seq() - 1)) {
                break;
            }
            out.add(row);
            expected = row.seq() + 1;
        }
        return out;
    }

    /** Whether no transaction can still commit an event numbered {@code first} to {@code last}. */
    private boolean settled(long first, long last) {
        long now = System.nanoTime();
        if (first != gapStart) {
            gapStart = first;
            gapSinceNanos = now;
        }
        long age = now - gapSinceNanos;
        if (age < graceNanos) {
            return false;
        }
        if (queries.anySequences(first - 1, last).isEmpty()) {
            return true;
        }
        if (age < maxWaitNanos) {
            return false;
        }
        LOG.warn(
                "activity sequence {} is still held by an open transaction after {} s; live streams move on "
                        + "without it (it stays in the history)",
                first,
                TimeUnit.NANOSECONDS.toSeconds(age));
        return true;
    }
}
