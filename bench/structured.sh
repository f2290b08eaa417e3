#!/usr/bin/env bash
# Structured record benchmark (the structured issue's "Benchmark"): patient2 with every clinical area,
# through the gateway, closed loop at N connections; then the serialise-only floor (the CPU to encode that
# same Bundle alone). Needs the local suite (scripts/run-local.sh), or starts it.
# Usage: bench/structured.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-16}
GATEWAY=http://127.0.0.1:18080
source bench/lib.sh
ensure_suite
[ -f bench/target/bench.classpath ] || scripts/mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
gateway=$(pid_of 18090); records=$(pid_of 18082)
echo "| Scenario | Connections | Requests/s | p50 | p99 | Errors | CPU per request |"
echo "|---|---|---|---|---|---|---|"
java -cp "$cp" org.gpconnect.bench.LoadClient "$GATEWAY" structured-all "$CONNECTIONS" "$SECONDS_EACH" \
  "$gateway=gateway" "$records=access-record-service"
java -cp "$cp" org.gpconnect.bench.SerialiseFloor "$GATEWAY"
echo "RSS after the run: access-record-service $(( $(awk '/VmRSS/ {print $2}' /proc/$records/status) / 1024 )) MB"
