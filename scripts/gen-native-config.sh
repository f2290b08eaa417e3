#!/usr/bin/env bash
# GraalVM reflection and resource configuration for HAPI FHIR, shipped in gpconnect-common's jar at
# META-INF/native-image/org.gpconnect/gpconnect-common/ (docs/adr/0003-native-build.md): native-image
# reads every META-INF/native-image/**/{reflect,resource}-config.json on the image class path, so each
# service's native build picks it up with gpconnect-common.
#
#   scripts/gen-native-config.sh           # regenerate from the HAPI jars gpconnect-common resolves
#   scripts/gen-native-config.sh --check   # fail if the committed files are not what it would write
#                                          # (run by scripts/check-native.sh; after a HAPI upgrade, regenerate)
#
# scripts/HapiNativeConfig.java lists the classes and resources from the jars and checks on the JVM that
# each registered class resolves and that HAPI's model scanner, over every STU3 and DSTU2 resource type,
# reflects on nothing unregistered.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=gpconnect-common/src/main/resources/META-INF/native-image/org.gpconnect/gpconnect-common
cpfile=$(mktemp)
scripts/mvn -B -q dependency:build-classpath -pl gpconnect-common -Dmdep.includeScope=runtime -Dmdep.outputFile="$cpfile" >&2
classpath=$(cat "$cpfile"); rm -f "$cpfile"
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  java -cp "$classpath" scripts/HapiNativeConfig.java "$out" "$classpath"
  status=0
  for f in reflect-config.json resource-config.json; do
    if ! diff -q "$dest/$f" "$out/$f" >/dev/null 2>&1; then
      echo "STALE $dest/$f: run scripts/gen-native-config.sh" >&2
      status=1
    fi
  done
  rm -rf "$out"
  [ "$status" -eq 0 ] && echo "native configuration in step with the HAPI jars"
  exit "$status"
fi
java -cp "$classpath" scripts/HapiNativeConfig.java "$dest" "$classpath"
echo "wrote $dest/reflect-config.json and resource-config.json"
