#!/usr/bin/env bash
# Trains the subject classifier (TF-IDF + one-vs-rest linear SVM, thresholds tuned on held-out TRAIN folds).
#   ./newsroom classifier-train                          Reuters-21578 ModApte TRAIN split (the bundled model)
#   ./newsroom classifier-train --folders DIR            your corpus: DIR/<label>/<file>.txt, first line = headline
#   options: --out FILE (default var/classifier/subject-model.txt.gz), --c COST (default 1), --reuters DIR
# Use the result with ENRICH_TAGGING_SUBJECT_MODEL=FILE, or copy it over
# enrich-service/src/main/resources/tagging/reuters-subject-model.txt.gz to ship it.
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service compile exec:java -Dnewsroom.root="$ROOT" \
  -Dexec.mainClass=org.newsroom.enrich.tagging.ClassifierTrainCommand -Dexec.args="$*"
