#!/usr/bin/env bash
# Gateway overhead benchmark (the gateway issue's "Benchmark"): the same request — the CapabilityStatement
# of B82617 — sent (a) straight to appointment-service with an internal token and (b) through the
# spine-gateway with Ssp-* headers and a GP Connect JWT, in one run, with wrk. Reports requests/s,
# p50/p99 and the gateway's CPU per request. Needs wrk (Debian: apt-get install wrk) and a running local
# suite (scripts/run-local.sh) or starts one.
# Usage: bench/gateway-overhead.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-16}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
GATEWAY=http://127.0.0.1:18080
SERVICE=http://127.0.0.1:18081
ROOT=/B82617/STU3/1/gpconnect/fhir
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

source bench/lib.sh
ensure_suite

mint() { internal_token urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1 'organization/*.read'; }
gateway_pid=$(pid_of 18090)
service_pid=$(pid_of 18081)
ticks_per_second=$(getconf CLK_TCK)

run() { # name url token-args...
  local name=$1 url=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" > "/tmp/bench-$name.txt"
}

echo "Warming up..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $(mint)" "$SERVICE$ROOT/metadata" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H "Ssp-TraceID: 7c3a1a6e-0d1e-4b43-9d7c-3f0f6a3b5e11" -H "Ssp-From: 200000000359" \
  -H "Ssp-To: 918999198738" -H "Ssp-InteractionID: urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1" \
  -H "Authorization: Bearer $(consumer_jwt 'organization/*.read')" "$GATEWAY$ROOT/metadata" >/dev/null

echo "Direct to appointment-service..."
g0=$(cpu_ticks "$gateway_pid"); s0=$(cpu_ticks "$service_pid")
run direct "$SERVICE$ROOT/metadata" -H "Authorization: Bearer $(mint)"
g1=$(cpu_ticks "$gateway_pid"); s1=$(cpu_ticks "$service_pid")
echo "Through the gateway..."
run gateway "$GATEWAY$ROOT/metadata" -H "Ssp-TraceID: 7c3a1a6e-0d1e-4b43-9d7c-3f0f6a3b5e11" -H "Ssp-From: 200000000359" \
  -H "Ssp-To: 918999198738" -H "Ssp-InteractionID: urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1" \
  -H "Authorization: Bearer $(consumer_jwt 'organization/*.read')"
g2=$(cpu_ticks "$gateway_pid"); s2=$(cpu_ticks "$service_pid")

summary() { # file -> "rps p50 p99 non2xx"
  local f=$1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f")
  p99=$(awk '$1=="99%" {print $2}' "$f")
  errors=$(awk '/Non-2xx/ {print $NF}' "$f"); errors=${errors:-0}
  echo "$rps $p50 $p99 $errors"
}
read -r d_rps d_p50 d_p99 d_err <<<"$(summary /tmp/bench-direct.txt)"
read -r g_rps g_p50 g_p99 g_err <<<"$(summary /tmp/bench-gateway.txt)"
g_requests=$(awk '/requests in/ {print $1}' /tmp/bench-gateway.txt)
gateway_cpu_ms=$(awk -v t=$((g2 - g1)) -v hz="$ticks_per_second" -v n="$g_requests" 'BEGIN {printf "%.3f", t / hz * 1000 / n}')
service_cpu_direct_ms=$(awk -v t=$((s1 - s0)) -v hz="$ticks_per_second" -v n="$(awk '/requests in/ {print $1}' /tmp/bench-direct.txt)" 'BEGIN {printf "%.3f", t / hz * 1000 / n}')
gateway_rss=$(awk '/VmRSS/ {print $2}' "/proc/$gateway_pid/status")

cat <<REPORT
| Path | Requests/s | p50 | p99 | Non-2xx |
|---|---|---|---|---|
| direct to appointment-service | $d_rps | $d_p50 | $d_p99 | $d_err |
| through spine-gateway | $g_rps | $g_p50 | $g_p99 | $g_err |

Gateway CPU per request: ${gateway_cpu_ms} ms; appointment-service CPU per request (direct run): ${service_cpu_direct_ms} ms;
gateway RSS after the run: $((gateway_rss / 1024)) MB. wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s per path, on the same 2-core machine.
REPORT
