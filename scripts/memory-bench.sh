#!/usr/bin/env bash
# CPU per article of enrich's memory (people and stories) on dense Reuters and BBC windows, with a digest of the
# answers (equal digests: same stories).   ./newsroom memory-bench [data-folder] [reuters] [bbc] [runs, the first a warm-up]
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DATA="${1:-$ROOT/data}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.enrich.memory.MemoryBenchmark -Dexec.classpathScope=test \
  -Dexec.args="$(cd "$DATA" && pwd) ${2:-4000} ${3:-1000} ${4:-2}"
