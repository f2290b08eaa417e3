#!/usr/bin/env bash
# Appointment benchmark (the appointments issue's "Benchmark"): in one run, 1-day and 14-day free-slot
# searches for B82617 and a patient search, each straight to appointment-service and through the gateway
# (wrk, closed loop at N connections), then book+cancel cycles through the gateway (the Java load client:
# each cycle books a real free slot and cancels it). CPU per request of the gateway and the service, and
# RSS. Needs wrk (Debian: apt-get install wrk) and the local suite (scripts/run-local.sh), or starts one.
# Usage: bench/appointments.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-16}
GATEWAY=http://127.0.0.1:18080
SERVICE=http://127.0.0.1:18081
ROOT=/B82617/STU3/1/gpconnect/fhir
SLOTS=urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1
PATIENTS=urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

source bench/lib.sh
ensure_suite
[ -f bench/target/bench.classpath ] || scripts/mvn -B -q -pl bench -am install -DskipTests
scripts/mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
GATEWAY_PID=$(pid_of 18090); SERVICE_PID=$(pid_of 18081); SERVICE_NAME=appointment-service

tomorrow=$(TZ=Europe/London date -d tomorrow +%F)
slots() { # to-date
  echo "$ROOT/Slot?start=ge$tomorrow&end=le$1&status=free&_include=Slot:schedule&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location&searchFilter=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CB82617"
}
one_day=$(slots "$tomorrow")
fourteen_days=$(slots "$(TZ=Europe/London date -d '+15 days' +%F)")
patient="$ROOT/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9690937286"
# internal tokens live 30 s, so each direct run gets a fresh one
slot_token() { internal_token "$SLOTS" 'organization/*.read'; }
patient_token() { internal_token "$PATIENTS" 'patient/*.read'; }
mapfile -t slot_headers < <(ssp_headers "$SLOTS" 'organization/*.read')
mapfile -t patient_headers < <(ssp_headers "$PATIENTS" 'patient/*.read')

echo "Warming up..."
wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $(slot_token)" "$SERVICE$fourteen_days" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s "${slot_headers[@]}" "$GATEWAY$one_day" >/dev/null

token=$(slot_token)
echo "Sizes: 1-day search $(curl -s -H "Authorization: Bearer $token" "$SERVICE$one_day" | wc -c) bytes," \
  "14-day search $(curl -s -H "Authorization: Bearer $token" "$SERVICE$fourteen_days" | wc -c) bytes"
echo
echo "| Scenario | Connections | Requests/s | p50 | p99 | Non-2xx | CPU per request |"
echo "|---|---|---|---|---|---|---|"
measure "slots, 1 day, direct" "$CONNECTIONS" "$SECONDS_EACH" "$SERVICE$one_day" -H "Authorization: Bearer $(slot_token)"
measure "slots, 1 day, through the gateway" "$CONNECTIONS" "$SECONDS_EACH" "$GATEWAY$one_day" "${slot_headers[@]}"
measure "slots, 14 days, direct" "$CONNECTIONS" "$SECONDS_EACH" "$SERVICE$fourteen_days" -H "Authorization: Bearer $(slot_token)"
measure "slots, 14 days, through the gateway" "$CONNECTIONS" "$SECONDS_EACH" "$GATEWAY$fourteen_days" "${slot_headers[@]}"
measure "patient search, direct" "$CONNECTIONS" "$SECONDS_EACH" "$SERVICE$patient" -H "Authorization: Bearer $(patient_token)"
measure "patient search, through the gateway" "$CONNECTIONS" "$SECONDS_EACH" "$GATEWAY$patient" "${patient_headers[@]}"
java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.gpconnect.bench.LoadClient \
  "$GATEWAY" book-cancel "$CONNECTIONS" "$SECONDS_EACH" "$GATEWAY_PID=gateway" "$SERVICE_PID=appointment-service"
echo
echo "RSS after the run: gateway $(( $(awk '/VmRSS/ {print $2}' /proc/$GATEWAY_PID/status) / 1024 )) MB," \
  "appointment-service $(( $(awk '/VmRSS/ {print $2}' /proc/$SERVICE_PID/status) / 1024 )) MB"
