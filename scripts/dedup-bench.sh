#!/usr/bin/env bash
# Duplicate index benchmark: throughput and memory per article at 100k and 1M articles built from corpus
# sentences (progress every 100k). Not a test: figures vary with the machine.
#   ./newsroom dedup-bench [sizes]      (default 100000,1000000; needs ~4 GB of heap for 1M)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx${DEDUP_BENCH_HEAP:-5g}" "$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service \
  test-compile exec:java -Dexec.mainClass=org.newsroom.enrich.dedup.DedupBenchmark -Dexec.classpathScope=test \
  -Dexec.args="$ROOT/data ${1:-100000,1000000}"
