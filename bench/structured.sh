#!/usr/bin/env bash
# Structured record benchmark (the structured issue's "Benchmark"): patient2 with every clinical area, straight
# to access-record-service and through the gateway (wrk, closed loop at N connections), then the
# serialise-only floor (the CPU to encode that same Bundle alone). Needs wrk and the local suite
# (scripts/run-local.sh), or starts it.
# Usage: bench/structured.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-16}
GATEWAY=http://127.0.0.1:18080
SERVICE=http://127.0.0.1:18082
OPERATION=/B82617/STU3/1/gpconnect/structured/fhir/Patient/\$gpc.getstructuredrecord
STRUCTURED=urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
source bench/lib.sh
ensure_suite
[ -f bench/target/bench.classpath ] || scripts/mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
GATEWAY_PID=$(pid_of 18090); SERVICE_PID=$(pid_of 18082); SERVICE_NAME=access-record-service
export BODY=bench/src/main/resources/structured-all-patient2.json
mapfile -t headers < <(ssp_headers "$STRUCTURED" 'patient/*.read')

echo "Warming up..."
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/post.lua "${headers[@]}" "$GATEWAY$OPERATION" >/dev/null
echo "| Scenario | Connections | Requests/s | p50 | p99 | Non-2xx | CPU per request |"
echo "|---|---|---|---|---|---|---|"
measure "patient2, all areas, direct" "$CONNECTIONS" "$SECONDS_EACH" "$SERVICE$OPERATION" -s bench/post.lua \
  -H "Authorization: Bearer $(internal_token "$STRUCTURED" 'patient/*.read')"
measure "patient2, all areas, through the gateway" "$CONNECTIONS" "$SECONDS_EACH" "$GATEWAY$OPERATION" -s bench/post.lua "${headers[@]}"
java -cp "$cp" org.gpconnect.bench.SerialiseFloor "$GATEWAY"
echo "RSS after the run: access-record-service $(( $(awk '/VmRSS/ {print $2}' /proc/$SERVICE_PID/status) / 1024 )) MB"
