#!/usr/bin/env bash
# Progress summaries with 10^3 and 10^6 activity rows behind a plan (docs/PERFORMANCE.md). Prints Markdown.
# Runs on H2; with ASCENT_TEST_MYSQL_URL (+ _USER, _PASSWORD) set, on MySQL as well. BENCH_CLASS runs another
# benchmark of dev.ascent.tracker.bench the same way (bench/tracker-bounded.sh does).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl tracker-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
classpath="tracker-service/target/test-classes:tracker-service/target/classes:$(cat tracker-service/target/bench.classpath)"
# The per-call log line would dominate the figures; keep it to warnings.
# shellcheck disable=SC2086
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -DASCENT_LOG_LEVEL=WARN -cp "$classpath" \
  "dev.ascent.tracker.bench.${BENCH_CLASS:-ProgressBenchmark}" "$@"
