#!/usr/bin/env bash
# GetPracticeStats, ListMentees and ListReviewRequests with a short and a long history (docs/PERFORMANCE.md).
# Prints Markdown. Runs on H2; with ASCENT_TEST_MYSQL_URL (+ _USER, _PASSWORD) set, on MySQL as well.
# BENCH_JAVA_OPTS="-Dbench.warmup=1000 -Dbench.calls=1000" sets the calls per row.
BENCH_CLASS=BoundedReadsBenchmark exec "$(dirname "$0")/tracker-progress.sh" "$@"
