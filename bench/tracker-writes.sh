#!/usr/bin/env bash
# Write throughput: LogTime on one plan and on 32 users' plans, each as a ratio of raw single-row JDBC UPDATEs
# measured in the same run (docs/PERFORMANCE.md). Prints Markdown. Runs on H2; with ASCENT_TEST_MYSQL_URL
# (+ _USER, _PASSWORD) set, on MySQL as well. -Dseconds=8 -Drounds=2 in BENCH_JAVA_OPTS change the length.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl content-service,tracker-service -am install -DskipTests >&2
./mvnw -q -B -pl tracker-service dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
classpath="tracker-service/target/test-classes:tracker-service/target/classes:$(cat tracker-service/target/bench.classpath)"
# The per-call log line would dominate the figures; keep it to warnings.
# shellcheck disable=SC2086
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -DASCENT_LOG_LEVEL=WARN \
  -Dascent.test.content.jar=content-service/target/content-service.jar -cp "$classpath" \
  dev.ascent.tracker.bench.WriteBenchmark "$@"
