#!/usr/bin/env bash
# Runs the content-service benchmark (docs/PERFORMANCE.md) in a JVM of its own and prints Markdown to stdout.
# Arguments go to dev.ascent.content.bench.ContentBenchmark (`mysql` uses ASCENT_TEST_MYSQL_URL). BENCH_JAVA_OPTS
# adds JVM options, e.g. BENCH_JAVA_OPTS="-Dascent.seeds=/path/to/seeds -Dbench.measure-ms=10000". BENCH_MAIN runs
# another benchmark class of content-service instead (bench/adversarial.sh does).
#
# Not `mvn exec:java`: the Micronaut parent configures exec-maven-plugin's arguments for exec:exec, which exec:java
# cannot read, and a benchmark should not share its JVM with Maven anyway.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# -am builds proto and service-common too, so the classpath points at this checkout's classes, not ~/.m2 snapshots.
./mvnw -q -B -pl content-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
classpath="content-service/target/test-classes:content-service/target/classes:$(cat content-service/target/bench.classpath)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec java ${BENCH_JAVA_OPTS:-} -cp "$classpath" "${BENCH_MAIN:-dev.ascent.content.bench.ContentBenchmark}" "$@"
