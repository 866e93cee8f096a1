# One image per service: docker build -f deploy/service.Dockerfile --build-arg MODULE=query-service .
# (from the repository root, after ./newsroom build). It runs as an unprivileged user (uid 10001) and with a
# read-only root file system: the jar and the JRE are root-owned and never written; every path a service writes
# is under /var/lib/newsroom (state: a volume) or /tmp (scratch: an emptyDir or tmpfs), and /feed for ingest.
# Java 25, the JDK every figure in docs/benchmarks.md was measured on (the services need 21 or later).
FROM eclipse-temurin:25-jre
ARG MODULE
RUN groupadd --system --gid 10001 newsroom \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin newsroom
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
USER 10001:10001
# Where each service writes, all configurable (docs/scaling.md); a manifest may point them elsewhere, never
# into /app. Relative defaults in the services' application.yaml would resolve against the read-only /app.
ENV ENRICH_STATE_DIR=/var/lib/newsroom/enrich-state \
    ENRICH_TAGGING_RULES_FILE=/var/lib/newsroom/tagging/rules.yaml \
    INGEST_INBOX=/feed/inbox \
    INGEST_DONE=/feed/done \
    INGEST_FAILED=/feed/failed \
    INGEST_FEEDS_STATE_DIR=/var/lib/newsroom/ingest/feeds \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
VOLUME ["/var/lib/newsroom", "/tmp"]
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
