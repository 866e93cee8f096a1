#!/usr/bin/env bash
# Precision and recall of entity recognition against Reuters-21578's PLACES / ORGS / PEOPLE labels
# (ModApte TEST split): the recognizer the service runs, then with Reuters' own PEOPLE list preloaded.
#   ./newsroom entities-eval
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl enrich-service compile exec:java -Dnewsroom.root="$ROOT" \
  -Dexec.mainClass=org.newsroom.enrich.tagging.EntitiesEvalCommand
