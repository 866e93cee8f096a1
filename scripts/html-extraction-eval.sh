#!/usr/bin/env bash
# HTML main-text extraction quality, dev and held-out pages apart (docs/parsing.md):
#  - Zyte article-extraction benchmark: the benchmark's own metric (4-token shingles; mean precision, mean recall,
#    F1 of the means) and mean bag-of-tokens F1. Dev = the 20 pages of samples/formats/html. Pass the benchmark
#    repository's folder (ground-truth.json, html/*.html.gz) to score its other 161 pages as held-out.
#  - data/html-eval: trafilatura's with/without segments (micro P/R/F1), split dev / held-out by file-name hash.
#  - --outputs NAME=FILE scores another extractor's outputs with the same code on the same pages
#    (FILE from e.g. scripts/readability-outputs.py).
#   ./newsroom html-extraction-eval [benchmark-folder] [--list-held-out] [--outputs NAME=FILE ...]
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
BENCH="$ROOT/samples/formats/html"
EXTRA=""
while [ $# -gt 0 ]; do
  case "$1" in
    --list-held-out) EXTRA="$EXTRA $1" ;;
    --outputs) EXTRA="$EXTRA --outputs $2"; shift ;;
    *) BENCH="$(cd "$1" && pwd)" ;;
  esac
  shift
done
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl ingest-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.ingest.parsing.HtmlExtractionEvaluation -Dexec.classpathScope=test \
  -Dexec.args="$BENCH $ROOT/samples/formats/html $ROOT/data/html-eval$EXTRA"
