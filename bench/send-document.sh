#!/usr/bin/env bash
# Send Document benchmark (issue 7's "Benchmark"): reports per second processed end to end, MESH poll ->
# store -> ITK acks -> RECEIVED event -> practice inbox, then filed -> in the patient's record, for 1 MiB and
# 20 MiB consultation reports, and send-document-service's peak heap and RSS while doing so. Each size is
# one backlog of N reports sent back to back through the MESH double's API by the sender mailbox; see
# DocumentLoad for what is measured where. One small warm-up first (not reported).
# Needs the local suite (scripts/run-local.sh), or starts it. Each size is best run on a freshly started
# suite (a count of 0 skips a size): bench/send-document.sh 40 0; (restart scripts/run-local.sh); bench/send-document.sh 0 6
# (the figures in docs/benchmarks.md were taken with 6 x 20 MiB, when the MESH double still kept every body).
# Usage: bench/send-document.sh [count-1MiB] [count-20MiB]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT_SMALL=${1:-40}
COUNT_LARGE=${2:-6}
STATE=.devstack

source bench/lib.sh
ensure_suite
[ -f bench/target/bench.classpath ] || scripts/mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
documents=$(pid_of 18083); records=$(pid_of 18082)
work=$(mktemp -d)
# also ends the samplers, and the suite if ensure_suite started it (this replaces lib.sh's trap)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

# load PDF-MiB COUNT LABEL: one backlog; DocumentLoad's RESULT/STAGES lines go to $work/LABEL.out
load() {
  java -Xmx1g -cp "$cp" org.gpconnect.bench.DocumentLoad "$3" "$1" "$2" "$STATE" \
    "$documents=send-document-service" "$records=access-record-service" > "$work/$3.out" 2> "$work/$3.err" \
    || { cat "$work/$3.err" >&2; exit 1; }
  grep -v -e '^SLF4J' "$work/$3.err" >&2 || true
}

# sampled LABEL COMMAND...: runs the command while sampling send-document-service's heap (jstat, every
# 200 ms: used = survivors + eden + old, garbage included) and RSS, then prints the memory row.
sampled() {
  local label=$1; shift
  jstat -gc "$documents" 200 > "$work/$label.jstat" &
  local jstat_pid=$!
  ( while kill -0 "$documents" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$documents/status"; sleep 0.2; done ) > "$work/$label.rss" &
  local rss_pid=$!
  "$@"
  kill "$jstat_pid" "$rss_pid" 2>/dev/null; wait "$jstat_pid" "$rss_pid" 2>/dev/null || true
  local max_heap
  max_heap=$(jcmd "$documents" VM.flags | grep -o 'MaxHeapSize=[0-9]*' | cut -d= -f2)
  awk -v label="$label" -v max="$max_heap" -v rss="$(sort -n "$work/$label.rss" | tail -1)" '
    $1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
    col["OU"] {
      used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]
      if (used > peak) peak = used
      if ($col["OU"] > old) old = $col["OU"]
      if (!seen++) { ygc = $col["YGC"]; fgc = $col["FGC"]; gct = $col["GCT"] }
      ygc_end = $col["YGC"]; fgc_end = $col["FGC"]; gct_end = $col["GCT"]
    }
    END {
      printf "| %s | %.0f MiB | %.0f MiB | %.0f MiB | %d young, %d full (%.2f s) | %.0f MiB |\n", label, peak / 1024,
        old / 1024, max / 1048576, ygc_end - ygc, fgc_end - fgc, gct_end - gct, rss / 1024
    }' "$work/$label.jstat" > "$work/$label.memory"
}

echo "Load average before: $(cat /proc/loadavg)"
echo "Warming up (3 x 1 MiB: the same code paths, without filling the MESH double)..."
load 1 3 warm-up
sizes=()
[ "$COUNT_SMALL" -gt 0 ] && sizes+=("1 MiB") && sampled "1 MiB" load 1 "$COUNT_SMALL" "1 MiB"
[ "$COUNT_LARGE" -gt 0 ] && sizes+=("20 MiB") && sampled "20 MiB" load 20 "$COUNT_LARGE" "20 MiB"
echo "Load average after: $(cat /proc/loadavg)"
echo
echo "Received = 30001 in the sender's MESH inbox + RECEIVED on Kafka + listed by the practice inbox API; in record ="
echo "filed by the bench at once + access-record-service's DocumentReference committed. Reports/s and MiB/s (of PDF)"
echo "from the first upload; service time = mean of send-document-service's processing histogram (claim to"
echo "outcome committed and acks sent; one poller, so 1/mean is its rate once working); latency from MESH accepting the upload."
echo
echo "| Report (PDF) | Message on MESH | Reports | Received/s | MiB/s | Service time (rate) | p50 | p99 | First | Last | In record/s | p50 | p99 | Errors | CPU per report |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for label in "${sizes[@]}"; do grep '^RESULT' "$work/$label.out" | sed 's/^RESULT //'; done
echo
echo "Median time of each stage (sent = MESH accepted the upload; filing = the bench's inbox API call):"
echo
echo "| Report (PDF) | Upload to MESH | Sent to 20013 | Sent to inbox | Sent to RECEIVED | Sent to 30001 | Filing to FILED | Filing to record |"
echo "|---|---|---|---|---|---|---|---|"
for label in "${sizes[@]}"; do grep '^STAGES' "$work/$label.out" | sed 's/^STAGES //'; done
echo
echo "send-document-service memory during each run:"
echo
echo "| Report (PDF) | Peak heap used | Peak old gen | Max heap (-Xmx) | GCs (time) | Peak RSS |"
echo "|---|---|---|---|---|---|"
for label in "${sizes[@]}"; do cat "$work/$label.memory"; done
