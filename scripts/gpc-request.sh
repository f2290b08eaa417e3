#!/usr/bin/env bash
# Sends one GP Connect request to the local gateway with fresh Ssp-* headers and a fresh unsigned JWT,
# as a consumer system would. Usage:
#   scripts/gpc-request.sh [METHOD] [PATH below the service root] [INTERACTION-ID] [SCOPE] [-- extra curl args]
# Default: the CapabilityStatement of B82617.
#   scripts/gpc-request.sh GET 'Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9690937286' \
#       urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1 'patient/*.read'
set -euo pipefail
args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
method=${args[0]:-GET}
path=${args[1]:-metadata}
interaction=${args[2]:-urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1}
scope=${args[3]:-organization/*.read}
gateway=${GPC_GATEWAY:-http://127.0.0.1:18080}
root=${GPC_SERVICE_ROOT:-/B82617/STU3/1/gpconnect/fhir}

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
iat=$(date +%s)
header=$(printf '{"alg":"none","typ":"JWT"}' | b64url)
claims=$(printf '{"iss":"https://consumersupplier.thirdparty.nhs.uk/","sub":"1","aud":"https://authorize.fhir.nhs.net/token","exp":%d,"iat":%d,"reason_for_request":"directcare","requested_scope":"%s","requesting_device":{"resourceType":"Device","identifier":[{"system":"https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier","value":"GPC001"}],"model":"gpc-request.sh","version":"1.0"},"requesting_organization":{"resourceType":"Organization","identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"GPCA0001"}],"name":"GP Connect Assurance"},"requesting_practitioner":{"resourceType":"Practitioner","id":"1","name":[{"family":"Assurance","given":["Test"],"prefix":["Dr"]}],"identifier":[{"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"GCASDS0001"},{"system":"https://fhir.nhs.uk/Id/sds-role-profile-id","value":"112233445566"}]}}' \
  $((iat + 300)) "$iat" "$scope" | b64url)

exec curl -sS -X "$method" "$gateway$root/$path" \
  -H "Ssp-TraceID: $(cat /proc/sys/kernel/random/uuid)" \
  -H 'Ssp-From: 200000000359' -H 'Ssp-To: 918999198738' \
  -H "Ssp-InteractionID: $interaction" \
  -H 'Accept: application/fhir+json' \
  -H "Authorization: Bearer $header.$claims." "$@"
