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
# Run from var/search-bench: the engines this starts keep their state there, apart from any test run's.
cd "$WORK"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl query-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.query.search.SearchBench -Dexec.classpathScope=test \
  -Dnewsroom.engines.dir="$ROOT/local-stack/target/engines"
