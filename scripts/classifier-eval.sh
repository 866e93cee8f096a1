#!/usr/bin/env bash
# Micro- and macro-F1 of the subject classifier on the Reuters-21578 ModApte TEST split (90 categories),
# beside the published figures (Yang & Liu 1999; Joachims 1998).
#   ./newsroom classifier-eval                  the bundled model
#   ./newsroom classifier-eval --model FILE     a model from ./newsroom classifier-train
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service compile exec:java -Dnewsroom.root="$ROOT" \
  -Dexec.mainClass=org.newsroom.enrich.tagging.ClassifierEvalCommand -Dexec.args="$*"
