#!/usr/bin/env bash
# search-bench: search latency (p50/p99) and throughput for the search page's query mix over N articles
# (Reuters-21578 + BBC News, replicated with variants), bulk-loaded straight into Elasticsearch.
#
#   ./newsroom search-bench                         100,000 articles, 2,000 queries, 4 threads
#   BENCH_ARTICLES=20000 ./newsroom search-bench    a smaller index
#   ELASTICSEARCH_URL=http://host:9200 ./newsroom search-bench   an existing node (else one is started)
#
# Other settings: BENCH_QUERIES, BENCH_THREADS. Figures go to var/search-bench/search-bench.json.
# A re-run with the same BENCH_ARTICLES against the same node skips loading.
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
WORK="$ROOT/var/search-bench"
mkdir -p "$WORK"
export BENCH_OUT="${BENCH_OUT:-$WORK/search-bench.json}"
echo "[search-bench] compiling query-service and resolving its test classpath..."
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl query-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
CP="$ROOT/query-service/target/test-classes:$ROOT/query-service/target/classes:$(cat "$WORK/classpath.txt")"
# Run from var/search-bench: the node this starts keeps its state there, apart from any test run's.
cd "$WORK"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -Dnewsroom.engines.dir="$ROOT/local-stack/target/engines" \
  -cp "$CP" org.newsroom.query.search.SearchBench
