# Outreach Pipeline as a container: `docker build -t outreach-pipeline .`, then
#   docker run -e DATABASE_URL=postgres://user:password@host:5432/outreach outreach-pipeline
# Configuration comes from environment variables only (see README "Deploying").
#
# Both base images are pinned to one Temurin release (17.0.20.1+1 on Ubuntu 24.04 "noble"), so a rebuild
# gives the same Java; raise both tags together, by hand, when a new Temurin 17 update is out. For a
# byte-identical base, add the image digest as well: eclipse-temurin:<tag>@sha256:<digest>.

# --- build: the same command as on a developer's machine; the result is the distribution archive
FROM eclipse-temurin:17.0.20.1_1-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Dependencies in a layer of their own, so a source change does not fetch them again. A failed download
# stops the build at this step rather than being hidden.
RUN ./mvnw -q -B dependency:go-offline
COPY config/ config/
COPY routes/ routes/
COPY src/ src/
RUN ./mvnw -q -B -DskipTests package \
 && mkdir /dist \
 && tar -xzf target/outreach-pipeline-*.tar.gz -C /dist \
 && mv /dist/outreach-pipeline-* /dist/outreach-pipeline

# --- run: a JRE, the unpacked distribution, a user without privileges
FROM eclipse-temurin:17.0.20.1_1-jre-noble
RUN groupadd --system outreach \
 && useradd --system --gid outreach --home-dir /var/lib/outreach-pipeline --create-home --shell /usr/sbin/nologin outreach
COPY --from=build /dist/outreach-pipeline /opt/outreach-pipeline
# The embedded PostgreSQL (used only without DATABASE_URL) keeps its data in the user's own directory,
# and so does the journal of unsubscribes made while the database did not answer.
ENV OUTREACH_HOME=/opt/outreach-pipeline \
    OUTREACH_EMBEDDED_DATA_DIR=/var/lib/outreach-pipeline/postgres \
    OUTREACH_UNSUBSCRIBE_JOURNAL_FILE=/var/lib/outreach-pipeline/unsubscribe-journal.txt \
    OUTREACH_LOG_FORMAT=json \
    OUTREACH_HTTP_BIND=0.0.0.0 \
    OUTREACH_MANAGEMENT_BIND=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
USER outreach
WORKDIR /var/lib/outreach-pipeline
# 8080: unsubscribe pages (public); 9090: health and metrics (for the platform's probes)
EXPOSE 8080 9090
# The daemon stops in order on SIGTERM; give it camel.main.shutdown-timeout plus 15 s
# (e.g. `docker stop -t 60`) before the platform kills it.
STOPSIGNAL SIGTERM
# No curl in the JRE image: bash's /dev/tcp asks the management port for /health/live.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9090 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/opt/outreach-pipeline/bin/outreach"]
CMD ["run", "--migrate"]
