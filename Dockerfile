# payreports container: multi-stage build (Maven → JRE), runs as a non-root user.
# Volumes: /app/config (application.properties), /app/routes (job files), /app/data (state, H2),
# /app/out (file sink output and dead letters). Secrets come from the environment or mounted files.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# The image's version is the jar's (pom.xml <version>, `payreports --version`); tag the image with it:
#   docker build -t payreports:$(mvn -q help:evaluate -Dexpression=project.version -DforceStdout) .
LABEL org.opencontainers.image.title="payreports" \
      org.opencontainers.image.version="0.2.0"
RUN groupadd --system --gid 10001 payreports \
 && useradd --system --uid 10001 --gid payreports --home-dir /app --shell /usr/sbin/nologin payreports
WORKDIR /app
COPY --from=build /src/target/payreports.jar /app/payreports.jar
COPY config /app/config
COPY routes /app/routes
RUN mkdir -p /app/data /app/out && chown payreports:payreports /app/data /app/out
# Class-data sharing archive of the classes a run loads (docs/performance.md): made by the demo
# `run --once` (in-process simulator, nothing leaves the container), in a scratch directory so that
# its output and database are not kept. It belongs to this jar and this JDK; a JVM that finds it
# does not match ignores it with a warning.
RUN mkdir /tmp/cds && cd /tmp/cds \
 && java -XX:ArchiveClassesAtExit=/app/payreports.jsa -jar /app/payreports.jar run --once \
 && chmod 444 /app/payreports.jsa && cd / && rm -rf /tmp/cds
USER 10001
VOLUME ["/app/config", "/app/routes", "/app/data", "/app/out"]
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    PAYREPORTS_HTTP_ENABLED=true \
    PAYREPORTS_HTTP_HOST=0.0.0.0 \
    PAYREPORTS_HTTP_PORT=9876
EXPOSE 9876
# Every health check (state database, scheduler, sinks, job staleness) over the embedded HTTP server; the
# image listens on all interfaces (payreports alone binds 127.0.0.1). Kubernetes probes use
# /observe/health/live and /observe/health/ready instead (docs/kubernetes.yaml).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["curl", "-fsS", "http://127.0.0.1:9876/observe/health"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/payreports.jsa", "-jar", "/app/payreports.jar"]
CMD ["run"]
