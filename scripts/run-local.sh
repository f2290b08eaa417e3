#!/usr/bin/env bash
# Starts the whole suite on this machine with its demo data: PostgreSQL, a Kafka broker and the four
# services (README "Run it locally"). Builds first when a service jar is missing or older than its
# sources. Ctrl-C (or SIGTERM) stops everything. Data is kept in .devstack/ between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

services="appointment-service access-record-service send-document-service spine-gateway"
build=0
[ "${1:-}" = "--build" ] && build=1
for m in $services; do
  jar="$m/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find gpconnect-common/src/main "$m/src/main" pom.xml "$m/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    build=1
  fi
done
if [ "$build" = 1 ]; then
  echo "Building the suite (first run: a few minutes)..."
  scripts/mvn -B -q install -DskipTests
fi
scripts/mvn -B -q -pl devstack dependency:build-classpath -Dmdep.outputFile=target/devstack.classpath
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
  org.gpconnect.devstack.DevStack "$PWD"
