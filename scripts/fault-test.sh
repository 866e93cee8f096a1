#!/usr/bin/env bash
# Fault campaign (docs/faults.md): under a steady stream of articles, kill -9 each service, then Kafka, then
# Elasticsearch, restarting each; freeze Elasticsearch for 60 s; stall enrich-service and query-service; then check
# that exactly N articles are searchable, each once, no input file was lost, and every dedup decision equals that of
# a run of the same articles without faults. Then the inbox volume full (a 4 MB tmpfs, needs root): clear error,
# nothing lost. Prints what it did and verified as [faults] lines.
#   ./newsroom fault-test                     both scenarios (about 20-30 minutes on 2 shared cores)
#   ./newsroom fault-test full-disk           only the full-disk scenario; `campaign` for only the other one
#   FAULT_ES_OUTAGE=60 FAULT_STALL=40 FAULT_DROP_MS=1000 tune the outage, the stalls and the stream's pace
set -uo pipefail
cd "$NEWSROOM_ROOT"
case "${1:-all}" in
  all) tests='FaultCampaign' ;;
  campaign) tests='FaultCampaign#everyArticle*' ;;
  full-disk) tests='FaultCampaign#aFullInboxDisk*' ;;
  *) echo "usage: ./newsroom fault-test [all|campaign|full-disk]" >&2; exit 2 ;;
esac
# One reactor build: the service jars the campaign runs are packaged from this checkout, never taken from ~/.m2.
${MVN_CMD:-./mvnw -B} -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="$tests" -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfaults.esOutageSeconds="${FAULT_ES_OUTAGE:-60}" -Dfaults.stallSeconds="${FAULT_STALL:-40}" \
  -Dfaults.dropIntervalMs="${FAULT_DROP_MS:-1000}" \
  | grep --line-buffered -E '\[faults\]|Tests run:|FAIL|BUILD|ERROR\]'
exit "${PIPESTATUS[0]}"
