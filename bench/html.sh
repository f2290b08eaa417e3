#!/usr/bin/env bash
# Access Record HTML benchmark (issue 6's "Benchmark"): patient2's Summary and Medications sections
# ($gpc.getcarerecord, GP Connect 0.7.4 on the DSTU2 root) through the gateway with the 0.x JWT, and the same
# straight to access-record-service, closed loop at N connections (wrk). Needs wrk and the local suite
# (scripts/run-local.sh), or starts it.
# Usage: bench/html.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-16}
GATEWAY=http://127.0.0.1:18080
SERVICE=http://127.0.0.1:18082
OPERATION=/B82617/DSTU2/1/gpconnect/fhir/Patient/\$gpc.getcarerecord
CARE_RECORD=urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord
PATIENT2=9690937286
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
source bench/lib.sh
ensure_suite
GATEWAY_PID=$(pid_of 18090); SERVICE_PID=$(pid_of 18082); SERVICE_NAME=access-record-service
export CONTENT_TYPE=application/json+fhir

# The 0.x JWT (access-record-html.md §1): fixed aud, DSTU2 claim resources, requested_record = the patient.
care_record_jwt() {
  local iat; iat=$(date +%s)
  b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
  printf '%s.%s.' "$(printf '{"alg":"none","typ":"JWT"}' | b64url)" "$(printf '{"iss":"https://consumersupplier.thirdparty.nhs.uk/","sub":"1","aud":"https://authorize.fhir.nhs.net/token","exp":%d,"iat":%d,"reason_for_request":"directcare","requested_scope":"patient/*.read","requesting_device":{"resourceType":"Device","id":"1","identifier":[{"system":"https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier","value":"GPC001"}],"model":"wrk","version":"4.1"},"requesting_organization":{"resourceType":"Organization","id":"1","identifier":[{"system":"http://fhir.nhs.net/Id/ods-organization-code","value":"GPCA0001"}],"name":"GP Connect Assurance"},"requesting_practitioner":{"resourceType":"Practitioner","id":"1","name":{"family":["Assurance"],"given":["Test"],"prefix":["Dr"]},"identifier":[{"system":"http://fhir.nhs.net/sds-user-id","value":"GCASDS0001"}]},"requested_record":{"resourceType":"Patient","identifier":[{"system":"http://fhir.nhs.net/Id/nhs-number","value":"%s"}]}}' $((iat + 300)) "$iat" "$PATIENT2" | b64url)"
}
headers=(-H "Ssp-TraceID: 7c3a1a6e-0d1e-4b43-9d7c-3f0f6a3b5e11" -H "Ssp-From: 200000000359" -H "Ssp-To: 918999198738"
  -H "Ssp-InteractionID: $CARE_RECORD" -H "Accept: application/json+fhir" -H "Authorization: Bearer $(care_record_jwt)")

echo "Warming up..."
for section in sum med; do
  BODY=bench/src/main/resources/html-$section-patient2.json wrk -t2 -c"$CONNECTIONS" -d10s -s bench/post.lua "${headers[@]}" \
    "$GATEWAY$OPERATION" >/dev/null
done
for section in sum med; do
  echo "Size of the $section answer: $(curl -s -X POST -H "Content-Type: $CONTENT_TYPE" "${headers[@]}" \
    --data-binary "@bench/src/main/resources/html-$section-patient2.json" "$GATEWAY$OPERATION" | wc -c) bytes"
done
echo "| Scenario | Connections | Requests/s | p50 | p99 | Non-2xx | CPU per request |"
echo "|---|---|---|---|---|---|---|"
for section in sum med; do
  export BODY=bench/src/main/resources/html-$section-patient2.json
  measure "patient2 $section, direct" "$CONNECTIONS" "$SECONDS_EACH" "$SERVICE$OPERATION" -s bench/post.lua \
    -H "Accept: application/json+fhir" -H "Authorization: Bearer $(internal_token "$CARE_RECORD" 'patient/*.read')"
  measure "patient2 $section, through the gateway" "$CONNECTIONS" "$SECONDS_EACH" "$GATEWAY$OPERATION" -s bench/post.lua "${headers[@]}"
done
echo "RSS after the run: access-record-service $(( $(awk '/VmRSS/ {print $2}' /proc/$SERVICE_PID/status) / 1024 )) MB"
