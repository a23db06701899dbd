#!/usr/bin/env bash
# Parse times of generated adversarial 1 MiB guides and how fast a cancelled parse stops (docs/PERFORMANCE.md).
# Prints Markdown to stdout; BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
BENCH_MAIN=dev.ascent.content.bench.AdversarialParsing exec "$(dirname "$0")/content.sh" "$@"
