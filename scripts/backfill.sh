#!/usr/bin/env bash
# Imports a whole folder tree (any format) or a built-in corpus straight to the raw topic, with a progress bar
# and a summary of every item (accepted / duplicate id / failed with reasons). Re-running publishes the same ids.
#   ./newsroom backfill <folder|reuters|bbc>
# env: KAFKA_BOOTSTRAP_SERVERS (default localhost:9092), BACKFILL_SOURCE (source name of folder articles,
#      default "inbox", as the watched folder, so a file gets the same id either way)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
[ $# -eq 1 ] || { echo "usage: ./newsroom backfill <folder|reuters|bbc>" >&2; exit 2; }
target="$1"
if [ -d "$target" ]; then target="$(cd "$target" && pwd)"; fi
cd "$ROOT/ingest-service"
NEWSROOM_ROOT="$ROOT" "$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl ingest-service compile exec:java \
  -Dexec.mainClass=org.newsroom.ingest.backfill.Backfill -Dexec.args="$target"
