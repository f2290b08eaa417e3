# Shared by the bench scripts: make sure the local suite is up (start it and stop it again when this
# script ends if it was not), and find the services' processes.

# ensure_suite: starts scripts/run-local.sh unless the gateway's admin port already answers ready.
ensure_suite() {
  started_here=0
  if ! curl -sf http://127.0.0.1:18090/q/health/ready >/dev/null 2>&1; then
    echo "Starting the local suite..."
    scripts/run-local.sh > .devstack-bench.log 2>&1 &
    suite_pid=$!
    started_here=1
    trap '[ $started_here = 1 ] && kill -TERM $suite_pid 2>/dev/null; wait 2>/dev/null || true' EXIT
    until grep -q "is ready" .devstack-bench.log 2>/dev/null; do
      sleep 1
      kill -0 $suite_pid 2>/dev/null || { cat .devstack-bench.log; exit 1; }
    done
  fi
}

# pid_of PORT: the service process whose Quarkus HTTP port is PORT.
pid_of() { pgrep -f -- "-Dquarkus.http.port=$1 " | head -1; }

# --- wrk helpers: wrk is a C load generator, so little of the 2 cores goes to the client itself ---

# consumer_jwt SCOPE: an unsigned GP Connect JWT (as a consumer sends it) for the test pack's consumer.
consumer_jwt() {
  local scope=$1 iat
  b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
  iat=$(date +%s)
  printf '%s.%s.' "$(printf '{"alg":"none","typ":"JWT"}' | b64url)" "$(printf '{"iss":"https://consumersupplier.thirdparty.nhs.uk/","sub":"1","aud":"https://authorize.fhir.nhs.net/token","exp":%d,"iat":%d,"reason_for_request":"directcare","requested_scope":"%s","requesting_device":{"resourceType":"Device","identifier":[{"system":"https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier","value":"GPC001"}],"model":"wrk","version":"4.1"},"requesting_organization":{"resourceType":"Organization","identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"GPCA0001"}],"name":"GP Connect Assurance"},"requesting_practitioner":{"resourceType":"Practitioner","id":"1","name":[{"family":"Assurance","given":["Test"],"prefix":["Dr"]}],"identifier":[{"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"GCASDS0001"},{"system":"https://fhir.nhs.uk/Id/sds-role-profile-id","value":"112233445566"}]}}' $((iat + 300)) "$iat" "$scope" | b64url)"
}

# internal_token INTERACTION SCOPE: a token as the gateway mints it, for calling a service directly.
internal_token() {
  [ -f devstack/target/devstack.classpath ] || scripts/mvn -B -q -pl devstack dependency:build-classpath -Dmdep.outputFile=target/devstack.classpath
  java -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" org.gpconnect.devstack.MintInternalToken \
    .devstack/keys/internal-token-private.pem "$1" "$2"
}

# ssp_headers INTERACTION SCOPE: wrk -H arguments for a consumer request through the gateway.
ssp_headers() {
  printf '%s\n' -H "Ssp-TraceID: 7c3a1a6e-0d1e-4b43-9d7c-3f0f6a3b5e11" -H "Ssp-From: 200000000359" -H "Ssp-To: 918999198738" \
    -H "Ssp-InteractionID: $1" -H "Authorization: Bearer $(consumer_jwt "$2")"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure LABEL CONNECTIONS SECONDS URL [wrk args...]: one wrk run, printed as a table row with the CPU per
# request of the gateway and the service (GATEWAY_PID, SERVICE_PID, SERVICE_NAME set by the caller).
measure() {
  local label=$1 connections=$2 seconds=$3 url=$4; shift 4
  local threads=$(( connections < 2 ? connections : 2 )) out g0 s0 g1 s1 n
  out=$(mktemp)
  g0=$(cpu_ticks "$GATEWAY_PID"); s0=$(cpu_ticks "$SERVICE_PID")
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" "$url" > "$out"
  g1=$(cpu_ticks "$GATEWAY_PID"); s1=$(cpu_ticks "$SERVICE_PID")
  n=$(awk '/requests in/ {print $1}' "$out")
  awk -v label="$label" -v c="$connections" -v n="$n" -v gt=$((g1 - g0)) -v st=$((s1 - s0)) -v hz="$(getconf CLK_TCK)" \
      -v svc="$SERVICE_NAME" '
    /Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} /Non-2xx/ {errors = $NF}
    END {printf "| %s | %d | %.0f | %s | %s | %d | gateway %.2f ms, %s %.2f ms |\n", label, c, rps, p50, p99, errors + 0,
         gt / hz * 1000 / n, svc, st / hz * 1000 / n}' "$out"
  rm -f "$out"
}
