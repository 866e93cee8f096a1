#!/usr/bin/env bash
# Duplicate detection quality: precision and recall, overall and per edit type, on a labelled set built from
# data/reuters21578 and data/bbc (republication variants of sampled stories; all other stories as negatives).
#   ./newsroom dedup-eval [sampled-originals] [grid]   (default 2000 originals x 7 edit types; "grid" sweeps
#                                                      shingle size and thresholds instead)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.enrich.dedup.DedupEvaluation -Dexec.classpathScope=test \
  -Dexec.args="$ROOT/data ${1:-2000} ${2:-}"
