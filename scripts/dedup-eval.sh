#!/usr/bin/env bash
# Duplicate detection quality: precision and recall, overall and per edit type, on labelled sets built from
# data/reuters21578 and data/bbc (republication variants of sampled stories; all other stories as negatives):
# a tuning sample (ModApte TRAIN, half of BBC) and a disjoint held-out sample (TEST + unused, other half).
#   ./newsroom dedup-eval [sampled-originals] [held-out|tuning|grid]   (default 2000 originals x 9 edit types on the
#                                                      held-out sample; "grid" sweeps bands and thresholds on
#                                                      the tuning sample instead)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.enrich.dedup.DedupEvaluation -Dexec.classpathScope=test \
  -Dexec.args="$ROOT/data ${1:-2000} ${2:-}"
