#!/usr/bin/env bash
# reprocess: re-enrich the raw topic (or a time range of it) with the current enrich-service into a new index
# version, with a progress line, then move the search alias to it atomically once the replay has caught up.
# The live services keep running and indexing meanwhile; the old index is kept for a rollback.
#
#   ./newsroom reprocess                                   every raw record still in Kafka
#   ./newsroom reprocess --since=2026-11-01T00:00:00Z      a range (--until too); other articles keep their enrichment
#   KAFKA_BOOTSTRAP_SERVERS=host:9092 ELASTICSEARCH_URL=http://host:9200 ./newsroom reprocess
#
# See docs/reprocessing.md (how it works, rolling back, deleting the old index).
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

jar_of() { ls "$ROOT/$1"/target/*-exec.jar 2>/dev/null | head -n 1 || true; }

source "$ROOT/scripts/lib/stale.sh"

if stale "$ROOT" '*-exec.jar' enrich-service query-service; then
  echo "[reprocess] building enrich-service and query-service..."
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl enrich-service,query-service -am -DskipTests package
fi
export REPROCESS_ENRICH_JAR="$(jar_of enrich-service)"
export REPROCESS_WORK_DIR="${REPROCESS_WORK_DIR:-$ROOT/var/reprocess}"
if [ -t 1 ]; then export REPROCESS_TERMINAL=true; fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$(jar_of query-service)" \
  -Dloader.main=org.newsroom.query.reprocessing.Reprocess org.springframework.boot.loader.launch.PropertiesLauncher "$@"
