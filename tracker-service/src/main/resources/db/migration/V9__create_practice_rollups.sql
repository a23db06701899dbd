-- Practice rollups, so GetPracticeStats reads a bounded number of rows however long a user's history is.
-- Kept in the same transaction as every session write (start, complete, abandon, expire); see
-- docs/ARCHITECTURE.md "Concurrent writes: the model". AdminService.CheckConsistency recomputes them from raw rows.

-- One row per user and practised source (designPrompts/{slug} or checklists/{id}).
CREATE TABLE practice_source_rollup (
    user_id         BIGINT       NOT NULL,
    source          VARCHAR(130) NOT NULL,
    -- The latest session of any state by (start_time, id): the stats' last attempt and the source's title.
    last_start_time BIGINT       NOT NULL,
    last_session_id BIGINT       NOT NULL,
    title           VARCHAR(300) NOT NULL,
    completed_count INT          NOT NULL,
    -- ABANDONED and EXPIRED sessions
    abandoned_count INT          NOT NULL,
    -- Over COMPLETED sessions: the sum and maximum of 100 * checked_count / step_count, the sum of self ratings,
    -- the sum of end_time - start_time in microseconds.
    coverage_sum    DOUBLE       NOT NULL,
    best_coverage   DOUBLE       NOT NULL,
    rating_sum      BIGINT       NOT NULL,
    duration_micros BIGINT       NOT NULL,
    PRIMARY KEY (user_id, source)
);

-- One row per user, source, source step and phase, over the steps of COMPLETED sessions. Phase is part of the key
-- because a step's phase may change between copies and the per-phase stats count each copy under its own phase.
CREATE TABLE practice_step_rollup (
    user_id         BIGINT       NOT NULL,
    source          VARCHAR(130) NOT NULL,
    source_step     VARCHAR(200) NOT NULL,
    phase           VARCHAR(32)  NOT NULL,
    attempt_count   INT          NOT NULL,
    missed_count    INT          NOT NULL,
    -- The copy in the latest completed session by (end_time, session id, position): its title and position.
    last_end_time   BIGINT       NOT NULL,
    last_session_id BIGINT       NOT NULL,
    last_position   INT          NOT NULL,
    title           VARCHAR(300) NOT NULL,
    PRIMARY KEY (user_id, source, source_step, phase)
);

-- The trend: the last completed sessions of one source, read backwards through this index. It covers the columns
-- the trend shows, so MariaDB uses it even when one user owns most rows (it chose a full scan and a sort otherwise).
CREATE INDEX ix_practice_session_completed ON practice_session (user_id, source, state, end_time, id, step_count,
                                                                checked_count, self_rating);

-- Backfill from the rows already stored. 1e2 makes the coverage a floating-point division on every engine, as the
-- service computes it.
INSERT INTO practice_source_rollup (user_id, source, last_start_time, last_session_id, title, completed_count,
                                    abandoned_count, coverage_sum, best_coverage, rating_sum, duration_micros)
SELECT user_id, source, MAX(start_time), 0, '',
       SUM(CASE WHEN state = 'COMPLETED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN state IN ('ABANDONED', 'EXPIRED') THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN state = 'COMPLETED' AND step_count > 0 THEN checked_count * 1e2 / step_count END), 0),
       COALESCE(MAX(CASE WHEN state = 'COMPLETED' AND step_count > 0 THEN checked_count * 1e2 / step_count END), 0),
       SUM(CASE WHEN state = 'COMPLETED' THEN self_rating ELSE 0 END),
       SUM(CASE WHEN state = 'COMPLETED' THEN end_time - start_time ELSE 0 END)
FROM practice_session
GROUP BY user_id, source;

UPDATE practice_source_rollup SET last_session_id = (SELECT MAX(s.id) FROM practice_session s
    WHERE s.user_id = practice_source_rollup.user_id AND s.source = practice_source_rollup.source
      AND s.start_time = practice_source_rollup.last_start_time);
UPDATE practice_source_rollup SET title = (SELECT s.title FROM practice_session s
    WHERE s.id = practice_source_rollup.last_session_id);

INSERT INTO practice_step_rollup (user_id, source, source_step, phase, attempt_count, missed_count, last_end_time,
                                  last_session_id, last_position, title)
SELECT st.user_id, s.source, st.source_step, st.phase, COUNT(*), SUM(CASE WHEN st.checked THEN 0 ELSE 1 END),
       MAX(s.end_time), 0, 0, ''
FROM practice_step st JOIN practice_session s ON s.id = st.session_id
WHERE s.state = 'COMPLETED'
GROUP BY st.user_id, s.source, st.source_step, st.phase;

UPDATE practice_step_rollup SET last_session_id = (SELECT MAX(s.id) FROM practice_session s
    JOIN practice_step st ON st.session_id = s.id
    WHERE s.user_id = practice_step_rollup.user_id AND s.source = practice_step_rollup.source
      AND s.state = 'COMPLETED' AND s.end_time = practice_step_rollup.last_end_time
      AND st.source_step = practice_step_rollup.source_step AND st.phase = practice_step_rollup.phase);
UPDATE practice_step_rollup SET last_position = (SELECT MAX(st.position) FROM practice_step st
    WHERE st.session_id = practice_step_rollup.last_session_id
      AND st.source_step = practice_step_rollup.source_step AND st.phase = practice_step_rollup.phase);
UPDATE practice_step_rollup SET title = (SELECT st.title FROM practice_step st
    WHERE st.session_id = practice_step_rollup.last_session_id AND st.position = practice_step_rollup.last_position);
