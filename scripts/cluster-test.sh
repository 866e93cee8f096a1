#!/usr/bin/env bash
# The cluster campaign (docs/scaling.md): ClusterIT at length. A cluster on one machine (3 Kafka brokers, 3
# Elasticsearch nodes, 2 ingest, 3 enrich and 2 query instances) under a steady stream of articles; each round
# SIGKILLs a broker and an Elasticsearch node, then an ingest, an enrich and a query instance (other ones each
# round), restarting each on its state. Then: every article searchable exactly once, every file taken once, dedup
# decisions equal to a single-node run's, the live streams and the saved search announced every article at most
# once per version enrich emitted, every topic replicated 3 times with min.insync.replicas 2. Prints [cluster] lines.
#   ./newsroom cluster-test                       5 rounds, an article every 250 ms (about 15 minutes on 2 shared cores)
#   CLUSTER_ROUNDS=10 CLUSTER_DROP_MS=100 ./newsroom cluster-test
set -uo pipefail
cd "$NEWSROOM_ROOT"
# One reactor build: the service jars the campaign runs are packaged from this checkout, never taken from ~/.m2.
${MVN_CMD:-./mvnw -B} -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ClusterIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcluster.rounds="${CLUSTER_ROUNDS:-5}" -Dcluster.dropIntervalMs="${CLUSTER_DROP_MS:-250}" \
  | grep --line-buffered -E '\[cluster\]|\[faults\]|Tests run:|FAIL|BUILD|ERROR\]'
exit "${PIPESTATUS[0]}"
