#!/usr/bin/env bash
# Appointment benchmark (the appointment issue's "Benchmark"): through the gateway, in one run, the 1-day and
# 14-day slot searches of B82617 (consumers' usual search: both includes, their organisation's filter),
# book+cancel cycles for patient2 and patient search — closed loop at N connections. Prints a Markdown
# table (requests/s, p50, p99, errors, CPU per request of each service process) and each process's RSS.
# Needs the local suite (scripts/run-local.sh), or starts it.
# Usage: bench/appointments.sh [seconds-per-scenario] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-16}
GATEWAY=http://127.0.0.1:18080

source bench/lib.sh
ensure_suite
[ -f bench/target/bench.classpath ] || scripts/mvn -B -q -pl bench -am install -DskipTests
scripts/mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
gateway=$(pid_of 18090); appointments=$(pid_of 18081)
run() {
  java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.gpconnect.bench.LoadClient \
    "$GATEWAY" "$1" "$CONNECTIONS" "$SECONDS_EACH" "$gateway=gateway" "$appointments=appointment-service"
}
echo "| Scenario | Connections | Requests/s | p50 | p99 | Errors | CPU per request |"
echo "|---|---|---|---|---|---|---|"
for scenario in slots-1-day slots-14-days book-cancel patient-search; do
  run "$scenario"
done
echo
echo "RSS after the run: gateway $(( $(awk '/VmRSS/ {print $2}' /proc/$gateway/status) / 1024 )) MB," \
  "appointment-service $(( $(awk '/VmRSS/ {print $2}' /proc/$appointments/status) / 1024 )) MB"
