#!/usr/bin/env bash
# HTML main-text extraction quality, dev and held-out pages apart (docs/parsing.md):
#  - Zyte article-extraction benchmark: the benchmark's own metric (4-token shingles; mean precision, mean recall,
#    F1 of the means) and mean bag-of-tokens F1. Dev = the 20 pages of samples/formats/html. Pass the benchmark
#    repository's folder (ground-truth.json, html/*.html.gz) to score its other 161 pages as held-out.
#  - data/html-eval: trafilatura's with/without segments (micro P/R/F1), split dev / held-out by file-name hash.
#   ./newsroom html-extraction-eval [benchmark-folder] [--list-held-out]
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCH="$ROOT/samples/formats/html"
LIST=""
for arg in "$@"; do
  if [ "$arg" = "--list-held-out" ]; then LIST="$arg"; else BENCH="$(cd "$arg" && pwd)"; fi
done
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl ingest-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.ingest.parsing.HtmlExtractionEvaluation -Dexec.classpathScope=test \
  -Dexec.args="$BENCH $ROOT/samples/formats/html $ROOT/data/html-eval $LIST"
