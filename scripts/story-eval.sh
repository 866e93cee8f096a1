#!/usr/bin/env bash
# Story clustering quality on ECB+ (events, not topics): pairwise and BCubed precision/recall/F1 of the production
# story code (the enricher's story input, Stories with the service's defaults), train and dev topics, three
# arrival orders. "grid" sweeps threshold and entity weight on the train topics instead (how the defaults were chosen).
#   ./newsroom story-eval [data-folder] [grid]    (default: data/story-clustering, else ../shared/data/story-clustering)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DATA="${1:-}"
if [ -z "$DATA" ]; then
  DATA="$ROOT/data/story-clustering"
  [ -d "$DATA/ecbplus" ] || DATA="$ROOT/../shared/data/story-clustering"
fi
if [ ! -d "$DATA/ecbplus" ]; then
  echo "story-eval: no ECB+ folder at $DATA (expected $DATA/ecbplus/ECB+/<topic>/); pass the folder as the first argument" >&2
  exit 2
fi
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.enrich.clustering.StoryEvaluation -Dexec.classpathScope=test \
  -Dexec.args="$(cd "$DATA" && pwd) ${2:-}"
