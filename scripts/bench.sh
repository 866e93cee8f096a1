#!/usr/bin/env bash
# End-to-end benchmark: starts Kafka, Elasticsearch and the three services on free ports in target/bench-run,
# replays Reuters-21578 and BBC (with generated variants) through the watched folder and POST /api/articles,
# and measures throughput, per-stage lag, drop-to-searchable latency at fixed loads, the Elasticsearch bulk
# ceiling of the same documents, and each process's CPU and memory. See docs/benchmarks.md.
#   ./newsroom bench                                   (20,000 articles; loads 10,100,500 for 60 s; both intakes)
#   ./newsroom bench --articles=2000 --loads=10,50 --duration=20 --intake=http
#   BENCH_BUILD=no ./newsroom bench ...                (use the jars as they are)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$ROOT"

# A service's or the local stack's jar that is missing or older than any module's sources means a build first: the shared modules
# (contracts, event-headers, local-stack, which starts the engines and services) are installed with them, and the
# bench compiles against what is installed.
source "$ROOT/scripts/lib/stale.sh"
if [ "${BENCH_BUILD:-auto}" != "no" ]; then
  if needs_build "$ROOT"; then
    echo "[bench] building the services and engines (./mvnw -DskipTests install)..."
    ./mvnw -B -q -DskipTests install
  fi
  ./mvnw -B -q -o -pl bench -DskipTests package 2>/dev/null || ./mvnw -B -q -pl bench -DskipTests package
fi

JAR="$(ls bench/target/bench-*.jar | head -n 1)"
exec "$JAVA" -Djava.awt.headless=true -Dnewsroom.project.root="$ROOT" \
  -cp "$JAR:$(cat bench/target/classpath.txt)" org.newsroom.bench.Bench "$@"
