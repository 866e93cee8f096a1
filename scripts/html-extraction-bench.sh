#!/usr/bin/env bash
# HTML main-text extraction speed on a page grown to 1.5 MB (target: under 100 ms), see docs/parsing.md.
#   ./newsroom html-extraction-bench [page.html]   (default data/html-eval/pages/pcgamer.com.skyrim.html, 906 KB)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl ingest-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.ingest.parsing.HtmlExtractionBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-$ROOT/data/html-eval/pages/pcgamer.com.skyrim.html}"
