#!/usr/bin/env bash
# CPU and allocation per article of enrich's production topology on Kafka's test driver (in-memory stores,
# exactly-once, default routes) against the core alone (draft, fingerprint, Memory.see) on the same Reuters-21578
# stories: the difference is the Streams layer (serdes, JSON between the tasks, stores, gate, publishing). Not a
# test: figures vary with the machine. The broker, producer compression and network are ./newsroom bench's.
#   ./newsroom streams-bench [data-folder] [articles] [warm-ups] [measured]   (default data, 2000, 2, 3)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DATA="${1:-$ROOT/data}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.enrich.streams.StreamsBenchmark -Dexec.classpathScope=test \
  -Dexec.args="$(cd "$DATA" && pwd) ${2:-2000} ${3:-2} ${4:-3}" | grep '^\[streams-bench\]'
