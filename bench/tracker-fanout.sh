#!/usr/bin/env bash
# WatchActivity fan-out to 1,000 watchers across two tracker instances: write-to-delivery delay (docs/PERFORMANCE.md,
# issue 15 part 4). Prints Markdown. Runs on H2; with ASCENT_TEST_MYSQL_URL (+ _USER, _PASSWORD) set, on MySQL as
# well. Needs content-service/target/content-service.jar (./mvnw -pl content-service -am package -DskipTests).
# BENCH_JAVA_OPTS="-Dbench.seconds=20 -Dbench.writes-per-second=50 -Dbench.engines=MYSQL -Dpoll=250ms"
root="$(cd "$(dirname "$0")/.." && pwd)"
export BENCH_JAVA_OPTS="-Dascent.test.content.jar=$root/content-service/target/content-service.jar ${BENCH_JAVA_OPTS:-}"
BENCH_CLASS=FanOutBenchmark exec "$(dirname "$0")/tracker-progress.sh" "$@"
