#!/usr/bin/env bash
# reindex: move the search alias to a new index made from the current index template (after a mapping
# change), copying every article; query-service keeps serving and indexing meanwhile.
#
#   ./newsroom reindex articles-v2
#   ELASTICSEARCH_URL=http://host:9200 ./newsroom reindex articles-v3
#
# The old index leaves the alias but is kept for a rollback; delete it with curl -XDELETE when satisfied.
set -euo pipefail
ROOT="${NEWSROOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
WORK="$ROOT/var/reindex"
mkdir -p "$WORK"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl query-service compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$ROOT/query-service/target/classes:$(cat "$WORK/classpath.txt")" \
  org.newsroom.query.indexing.Reindex "$@"
