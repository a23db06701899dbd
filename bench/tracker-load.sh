#!/usr/bin/env bash
# A mixed read/write load from many users against a running platform (start it with ./ascent up). Prints Markdown.
# BENCH_JAVA_OPTS passes settings: -Dusers=20 -Dthreads=16 -Dseconds=20 -Dtracker=localhost:50052 -Dtoken=...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl clients -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
classpath="clients/target/test-classes:clients/target/classes:$(cat clients/target/bench.classpath)"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "$classpath" dev.ascent.bench.TrackerLoad "$@"
