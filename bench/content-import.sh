#!/usr/bin/env bash
# ImportGuide of the ~20 KB seed guide, warm: p50 and p99 (docs/PERFORMANCE.md, issue 15 part 4). Prints Markdown.
#   bench/content-import.sh          H2 in memory
#   bench/content-import.sh mysql    a fresh database on ASCENT_TEST_MYSQL_URL (+ _USER, _PASSWORD)
# BENCH_JAVA_OPTS="-Dbench.warmup=400 -Dbench.imports=40 -Dbench.rounds=5"
# The service runs in the benchmark's JVM with the options ./ascent starts it with (jvm/service.options: the serial
# collector, a 32 MB young generation); BENCH_JAVA_OPTS comes after them, so it can override any of them.
BENCH_JAVA_OPTS="@$(cd "$(dirname "$0")/.." && pwd)/jvm/service.options ${BENCH_JAVA_OPTS:-}" BENCH_MAIN=dev.ascent.content.bench.ImportBenchmark exec "$(dirname "$0")/content.sh" "$@"
