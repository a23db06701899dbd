#!/usr/bin/env bash
# Hot RPCs as ratios of a bare gRPC echo (reads) and raw JDBC UPDATEs (writes) measured in the same run, plus
# start-up time and resident memory (docs/PERFORMANCE.md, issue 15). Starts the packaged services on H2, then on
# MariaDB when ASCENT_TEST_MYSQL_URL (+ _USER, _PASSWORD) is set. Prints Markdown.
# BENCH_JAVA_OPTS: -Dseconds=6 -Dwarmup=2 -Drounds=2
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl content-service,tracker-service,clients -am install -DskipTests >&2
./mvnw -q -B -pl clients dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
classpath="clients/target/test-classes:clients/target/classes:$(cat clients/target/bench.classpath)"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -Dascent.root="$root" -cp "$classpath" dev.ascent.bench.Ratios "$@"
