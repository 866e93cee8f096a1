#!/usr/bin/env bash
# CPU per article of enrichment from the article alone (normalise, entities, rules, places, classifier, the memory's
# facts, the dedup fingerprint), step by step, on Reuters-21578 in publication order, with a digest of every answer
# (equal digests: the same answers). Not a test: figures vary with the machine; run it on a quiet one.
#   ./newsroom enrich-bench [data-folder] [articles] [warm-ups] [measured]   (default data, 13000, 2, 3)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DATA="${1:-$ROOT/data}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.enrich.EnrichBenchmark -Dexec.classpathScope=test \
  -Dexec.args="$(cd "$DATA" && pwd) ${2:-13000} ${3:-2} ${4:-3}"
