#!/usr/bin/env bash
# HTML main-text extraction quality: token-level precision, recall and F1 per page and on average, against
# the ground-truth article bodies of samples/formats/html (20 pages of the Zyte article-extraction benchmark).
#   ./newsroom html-extraction-eval [folder]      (default samples/formats/html)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl ingest-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.ingest.parsing.HtmlExtractionEvaluation -Dexec.classpathScope=test \
  -Dexec.args="${1:-$ROOT/samples/formats/html}"
