#!/usr/bin/env bash
# GetPlan at 30, 100 and 200 items (the most a plan holds): latency and throughput (docs/PERFORMANCE.md, issue 15
# part 4). Prints Markdown. Runs on H2; with ASCENT_TEST_MYSQL_URL (+ _USER, _PASSWORD) set, on MySQL as well.
# Needs content-service/target/content-service.jar (./mvnw -pl content-service -am package -DskipTests).
# BENCH_JAVA_OPTS="-Dbench.calls=1000 -Dbench.seconds=4 -Dbench.rounds=3 -Dbench.engines=MYSQL"
root="$(cd "$(dirname "$0")/.." && pwd)"
export BENCH_JAVA_OPTS="-Dascent.test.content.jar=$root/content-service/target/content-service.jar ${BENCH_JAVA_OPTS:-}"
BENCH_CLASS=PlanScaleBenchmark exec "$(dirname "$0")/tracker-progress.sh" "$@"
