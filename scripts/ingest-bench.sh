#!/usr/bin/env bash
# Ingest throughput: backfills the 21,578 Reuters-21578 stories (acks=all, idempotent producer) into a real
# broker and prints articles/s. Uses KAFKA_BOOTSTRAP_SERVERS when set, else starts a fresh local broker.
#   ./newsroom ingest-bench [reuters|bbc]      (default reuters)
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT/ingest-service"
NEWSROOM_ROOT="$ROOT" "$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl ingest-service test-compile exec:java \
  -Dexec.mainClass=org.newsroom.ingest.backfill.IngestBench -Dexec.classpathScope=test \
  -Dnewsroom.engines.dir="$ROOT/local-stack/target/engines" -Dexec.args="${1:-reuters}"
