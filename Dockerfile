# Chainloop EE control plane on the official Open Liberty image.
# Build step (it makes every file copied below: the WAR and the server's lib/ with the JDBC drivers):
#   ./mvnw -DskipTests package
# then:
#   docker build -t chainloop-ee:0.1.0 .
#   docker run -p 9080:9080 -v chainloop-data:/data -v chainloop-keys:/keys chainloop-ee:0.1.0
FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi

# Server configuration: the same server.xml, database includes and jvm.options as `liberty:run`
# (test-only configuration lives in src/test/liberty and never reaches the image).
COPY --chown=1001:0 src/main/liberty/config/ /config/
# JDBC drivers (Derby for one node, PostgreSQL for several) referenced by the jdbcLib library.
COPY --chown=1001:0 target/liberty/wlp/usr/servers/chainloop/lib/ /config/lib/

# Resolve and install the features named in server.xml.
RUN features.sh

COPY --chown=1001:0 target/chainloop.war /config/apps/

# Data (embedded Derby, filesystem artifacts) and keys (token signing key pair, signing CA) on volumes, at the
# paths deploy/kubernetes uses: there the keys are one Secret mounted at /keys on every replica, and the
# database is PostgreSQL (DB_TYPE=postgresql).
USER root
RUN mkdir -p /data /keys && chown 1001:0 /data /keys && chmod 0770 /data /keys
USER 1001
ENV CHAINLOOP_DATA_DIR=/data \
    CHAINLOOP_KEYS_DIR=/keys \
    HTTP_PORT=9080
VOLUME ["/data", "/keys"]
EXPOSE 9080

RUN configure.sh
