# One image per service: docker build -f deploy/service.Dockerfile --build-arg MODULE=query-service .
# (from the repository root, after ./newsroom build)
FROM eclipse-temurin:21-jre
ARG MODULE
RUN useradd --system --create-home --shell /usr/sbin/nologin newsroom \
    && mkdir -p /var/lib/newsroom /feed && chown newsroom:newsroom /var/lib/newsroom /feed
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
USER newsroom
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
