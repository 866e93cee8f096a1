#!/usr/bin/env bash
# Fault campaign: with a steady stream of articles, kill -9 each service, then Kafka, then Elasticsearch,
# restart each, and check that every article is searchable exactly once and no input file was lost.
#   ./newsroom fault-test            (400 articles; FAULT_ARTICLES=1000 for more)
set -uo pipefail
cd "$NEWSROOM_ROOT"
./mvnw -B -q -DskipTests install || exit 1
./mvnw -B -o -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultCampaign -Dfaults.articles="${FAULT_ARTICLES:-400}" \
  | grep --line-buffered -E '\[faults\]|Tests run:|FAIL|BUILD'
exit "${PIPESTATUS[0]}"
