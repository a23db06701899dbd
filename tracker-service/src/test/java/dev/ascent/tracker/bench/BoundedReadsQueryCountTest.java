package dev.ascent.tracker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's bounded cost per request, as a count rather than a timing: GetPracticeStats, ListMentees and the review
 * queue run the same number of SQL queries per call for a short and a long history (H2's QUERY_STATISTICS, through
 * {@link BoundedReadsBenchmark}'s own seeding at a small scale). A per-row lookup (one query per session, per
 * mentee's plan, per review's user) makes the long history's count larger and fails this test; the timings at
 * 10^4 sessions and 50 mentees are the benchmark's, in docs/PERFORMANCE.md.
 */
class BoundedReadsQueryCountTest {

    @Test
    void aLongHistoryCostsNoMoreQueriesThanAShortOne() throws Exception {
        // The long cohort's history is several times the short one's, and its page is as full.
        BoundedReadsBenchmark.Scale scale = new BoundedReadsBenchmark.Scale(8, 300, 120, 20, 40);
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.H2);
                RunningService tracker = ProgressBenchmark.startTracker(db)) {
            Map<String, Double> measured = BoundedReadsBenchmark.queriesPerCall(db, tracker, scale);
            System.out.println("[bounded reads] SQL queries per call: " + measured);
            // Whole queries per call: a background statement (a login re-checked, the expiry sweep) adds a fraction
            // of one over a window of 20 calls (4.15 was seen for 4), a lookup per row adds at least one per call.
            Map<String, Double> queries = new java.util.HashMap<>();
            measured.forEach((call, perCall) -> queries.put(call, Math.floor(perCall)));
            assertEquals(queries.get("stats-s"), queries.get("stats-l"), "GetPracticeStats: 10 vs 300 sessions");
            assertEquals(queries.get("mentees-s"), queries.get("mentees-l"), "ListMentees: short vs long history");
            assertEquals(queries.get("queue-s"), queries.get("queue-l"), "ListReviewRequests: 8 vs 8 + 160 closed");
            assertEquals(queries.get("mentees-1"), queries.get("mentees-s"), "ListMentees: a page of 1 vs a page of 8");
        }
    }
}
