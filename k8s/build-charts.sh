#!/usr/bin/env bash
# Resolves the charts' file:// dependencies in order (the gpconnect-lib library into each service chart,
# then the service charts into the gpconnect-suite umbrella) and, with --package, writes the chart
# archives to k8s/dist/ for a chart repository or an OCI registry (`helm push dist/<chart>.tgz oci://...`).
# Needs helm 3.x on the PATH.
set -euo pipefail
cd "$(dirname "$0")/charts"
for chart in spine-gateway appointment-service access-record-service send-document-service gpconnect-suite; do
  helm dependency update "$chart" >/dev/null
  echo "dependencies of $chart: $(ls "$chart/charts" | tr '\n' ' ')"
done
if [ "${1:-}" = "--package" ]; then
  mkdir -p ../dist
  for chart in spine-gateway appointment-service access-record-service send-document-service gpconnect-suite; do
    helm package "$chart" -d ../dist
  done
fi
