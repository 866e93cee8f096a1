#!/usr/bin/env bash
# A cluster on one machine, on the real engines (README "Cluster on one machine", docs/scaling.md): 3 Kafka brokers
# (one KRaft quorum; topics replicated 3 times, 2 in sync to write), 3 Elasticsearch nodes (article index: 1 replica),
# 2 ingest-service, 3 enrich-service and 2 query-service instances, each a process with its own ports and folders
# under var/cluster, all ingest instances watching var/cluster/feed/inbox. Ctrl-C stops everything; data is kept.
#   ./newsroom cluster-up
#   CLUSTER_PORT_BASE=19000          ports are counted up from here (brokers, nodes, then services; printed at start)
#   CLUSTER_QUERY_INSTANCES=2 CLUSTER_ENRICH_INSTANCES=3 CLUSTER_INGEST_INSTANCES=2 CLUSTER_BROKERS=3 CLUSTER_ELASTICSEARCH_NODES=3
#   CLUSTER_KAFKA_HEAP=384m CLUSTER_ELASTICSEARCH_HEAP=512m CLUSTER_SERVICE_HEAP=320m
#   NEWSROOM_CLUSTER_VAR=var/cluster   where state lives (keep it, or delete it for an empty cluster)
set -euo pipefail
NEWSROOM_ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$NEWSROOM_ROOT"
jar() { ls "$NEWSROOM_ROOT/$1"/target/*"$2" 2>/dev/null | grep -v -- "${3:-^$}" | head -n 1; }
source "$NEWSROOM_ROOT/scripts/lib/stale.sh"
# As ./newsroom up: built when a jar is missing or older than the sources, so the cluster never runs stale code.
if needs_build "$NEWSROOM_ROOT"; then
  echo "[newsroom] building (first run downloads dependencies)..."
  ${MVN_CMD:-./mvnw -B} -q -DskipTests package
fi
exec "$JAVA_HOME/bin/java" -Dnewsroom.project.root="$NEWSROOM_ROOT" -cp "$(jar local-stack .jar -exec)" \
  org.newsroom.localstack.LocalCluster
