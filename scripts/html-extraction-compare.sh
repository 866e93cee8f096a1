#!/usr/bin/env bash
# Our HTML main-text extraction beside Mozilla's Readability (Firefox reader view; @mozilla/readability on jsdom,
# one of the Zyte benchmark's own extractors), on the same pages, scored by the same code (HtmlExtractionEvaluation):
# the benchmark's shingle metric on the 20 Zyte pages of samples/formats/html, and the with/without segments on
# data/html-eval's dev and held-out halves apart. readability-lxml is scored too where Debian's
# python3-readability is installed, and trafilatura on the 20 Zyte pages from the outputs the benchmark published.
# The npm packages go to scripts/readability-js/node_modules (git-ignored).
#   ./newsroom html-extraction-compare
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
JS="$ROOT/scripts/readability-js"
command -v node >/dev/null || { echo "html-extraction-compare: needs Node.js 20.19+ and npm" >&2; exit 1; }
if [ ! -d "$JS/node_modules/@mozilla/readability" ] || [ ! -d "$JS/node_modules/jsdom" ]; then
  echo "[compare] installing @mozilla/readability and jsdom (npm ci)..."
  (cd "$JS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
echo "[compare] Readability.js on 323 pages (a few minutes)..."
node "$JS/outputs.mjs" "$ROOT" > "$OUT/readability-js.json"
OUTPUTS=(--outputs "Readability.js=$OUT/readability-js.json")
if /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  echo "[compare] readability-lxml on the same pages..."
  /usr/bin/python3 "$ROOT/scripts/readability-outputs.py" > "$OUT/readability-lxml.json"
  OUTPUTS+=(--outputs "readability-lxml=$OUT/readability-lxml.json")
fi
# trafilatura cannot run here (not in Debian, no PyPI): its outputs for the 20 Zyte pages, as the benchmark published them.
OUTPUTS+=(--outputs "trafilatura=$ROOT/samples/formats/html/outputs/trafilatura.json")
"$ROOT/scripts/html-extraction-eval.sh" "${OUTPUTS[@]}"
