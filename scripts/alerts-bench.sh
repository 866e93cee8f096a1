#!/usr/bin/env bash
# alerts-bench: saved-search matching throughput (articles/s) with 100, 1,000 and 10,000 saved searches,
# pre-filtered by required terms (what query-service runs) next to running every search on every article.
# Searches come from Reuters-21578 TRAIN words and headlines; the articles matched are its TEST stories.
# In memory only: no Kafka or Elasticsearch is started.
#
#   ./newsroom alerts-bench
#   BENCH_SEARCHES=10000 BENCH_ARTICLES=3000 ./newsroom alerts-bench
#
# Other settings: BENCH_SEED.
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
WORK="$ROOT/var/alerts-bench"
mkdir -p "$WORK"
echo "[alerts-bench] compiling query-service and resolving its test classpath..."
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl query-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
CP="$ROOT/query-service/target/test-classes:$ROOT/query-service/target/classes:$(cat "$WORK/classpath.txt")"
cd "$ROOT"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -cp "$CP" org.newsroom.query.alerts.SavedSearchBench
