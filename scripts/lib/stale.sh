# Sourced by ./newsroom and the scripts that start built jars: whether a build must come first.
#   stale ROOT JAR-GLOB MODULE...   true when a module's jar (target/JAR-GLOB) is missing, or when any module's
#                                   sources or any pom changed after the oldest of those jars
#   needs_build ROOT                true when the local stack cannot start as built: a service's or the stack's
#                                   jar is stale, or the engines are not downloaded yet (the Elasticsearch zip,
#                                   fetched by the same build as Kafka's jars)
stale() {
  local root="$1" glob="$2" oldest="" jar module
  shift 2
  for module in "$@"; do
    jar=$(ls "$root/$module"/target/$glob 2>/dev/null | head -n 1 || true)
    [ -n "$jar" ] || return 0
    if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest="$jar"; fi
  done
  # Any module's sources: the services and the stack are built from the shared modules too.
  [ -n "$(find "$root"/*/src/main "$root"/*/pom.xml "$root/pom.xml" -newer "$oldest" -type f 2>/dev/null | head -n 1)" ]
}

needs_build() {
  stale "$1" '*-exec.jar' ingest-service enrich-service query-service \
    || stale "$1" '*.jar' local-stack \
    || [ ! -f "$1/local-stack/target/engines/elasticsearch.zip" ]
}
