#!/usr/bin/env bash
# The native-build check that runs without GraalVM/Mandrel (docs/adr/0003-native-build.md): every Quarkus
# native-mode build step of each service, up to the generated native-image sources
# (target/native-sources: the runner jar, lib/ and native-image.args), with
# -Dquarkus.native.sources-only=true. It catches what Quarkus itself refuses in native mode (build-time
# initialisation, resources, reflection registration it computes); it does NOT run native-image, so
# GraalVM's analysis and class-initialisation errors are not caught here.
#
#   scripts/check-native.sh                      # the four services
#   scripts/check-native.sh spine-gateway        # some of them
#
# Builds the services (and what they need) without tests; prints one line per service and a closing
# "N passed, N failed". First it checks that gpconnect-common's GraalVM configuration for HAPI FHIR
# (META-INF/native-image/org.gpconnect/gpconnect-common) is in step with the HAPI jars
# (scripts/gen-native-config.sh --check); for each service it then checks that the native sources carry
# that configuration: gpconnect-common's jar in lib/ holds it and native-image.args does not exclude it
# (native-image reads META-INF/native-image/** from the class path itself, so the args never name it).
set -euo pipefail
cd "$(dirname "$0")/.."
config=META-INF/native-image/org.gpconnect/gpconnect-common
if scripts/gen-native-config.sh --check >/dev/null; then
  echo "PASS HAPI FHIR native configuration in step with the HAPI jars ($config)"
else
  echo "FAIL HAPI FHIR native configuration is stale or the HAPI classes do not resolve: run scripts/gen-native-config.sh"
  echo "0 passed, 1 failed"
  exit 1
fi
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(spine-gateway appointment-service access-record-service send-document-service)
modules=$(IFS=,; echo "${services[*]}")

log=$(mktemp)
status=0
start=$(date +%s)
scripts/mvn -B -ntp package -pl "$modules" -am -DskipTests \
  -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true -Dquarkus.package.jar.enabled=false \
  >"$log" 2>&1 || status=$?
echo "native sources build: exit $status in $(( $(date +%s) - start ))s (log: $log)"

passed=0; failed=0
for s in "${services[@]}"; do
  args="$s/target/native-sources/native-image.args"
  # Quarkus may rewrite the jar (lib/modified-org.gpconnect.gpconnect-common-*.jar)
  common=$(ls "$s"/target/native-sources/lib/*org.gpconnect.gpconnect-common-*.jar 2>/dev/null | head -1)
  hapi=no
  if [ -n "$common" ] && unzip -l "$common" "$config/reflect-config.json" "$config/resource-config.json" >/dev/null 2>&1 \
      && ! { tr ' ' '\n' <"$args" | grep -A1 -- "^--exclude-config$" | grep -q "gpconnect"; }; then
    hapi=yes
  fi
  if [ "$status" -eq 0 ] && [ -s "$args" ] && ls "$s"/target/native-sources/*-runner.jar >/dev/null 2>&1 && [ "$hapi" = yes ]; then
    echo "PASS $s: $(wc -w <"$args") native-image arguments, GraalVM $(cat "$s/target/native-sources/graalvm.version" 2>/dev/null || echo '?') expected, HAPI configuration on the image class path ($(basename "$common"))"
    passed=$((passed + 1))
  else
    echo "FAIL $s$([ "$hapi" = yes ] || echo ': no HAPI native configuration in lib/ (or excluded by native-image.args)')"
    failed=$((failed + 1))
  fi
done
if [ "$failed" -gt 0 ]; then
  grep -E "ERROR|BUILD FAILURE" "$log" | head -40 || true
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
