#!/usr/bin/env bash
# ImportGuide of the ~20 KB seed guide, warm: p50 and p99 (docs/PERFORMANCE.md, issue 15 part 4). Prints Markdown.
#   bench/content-import.sh          H2 in memory
#   bench/content-import.sh mysql    a fresh database on ASCENT_TEST_MYSQL_URL (+ _USER, _PASSWORD)
# BENCH_JAVA_OPTS="-Dbench.warmup=50 -Dbench.imports=40 -Dbench.rounds=5"
BENCH_MAIN=dev.ascent.content.bench.ImportBenchmark exec "$(dirname "$0")/content.sh" "$@"
