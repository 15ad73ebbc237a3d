# Chainloop EE control plane on the official Open Liberty image.
# Build the WAR first (./mvnw -DskipTests package), then: docker build -t chainloop-ee .
FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi

# Server configuration: the same server.xml and database includes as `liberty:run`.
COPY --chown=1001:0 src/main/liberty/config/ /config/
# JDBC drivers (Derby for one node, PostgreSQL for several) referenced by the jdbcLib library.
COPY --chown=1001:0 target/liberty/wlp/usr/servers/chainloop/lib/ /config/lib/

# Resolve and install the features named in server.xml.
RUN features.sh

COPY --chown=1001:0 target/chainloop.war /config/apps/

# Data (embedded Derby, generated keys, artifacts) lives on a volume; on Kubernetes use
# PostgreSQL (DB_TYPE=postgresql) and mount the signing keys from a Secret at CHAINLOOP_KEYS_DIR.
ENV CHAINLOOP_DATA_DIR=/data \
    HTTP_PORT=9080
VOLUME /data
EXPOSE 9080

RUN configure.sh
