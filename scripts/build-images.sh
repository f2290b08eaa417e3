#!/usr/bin/env bash
# Builds the four services' container images as docker-archive tars with Jib, without a Docker daemon
# or a registry push, then checks each image's configuration (k8s-tests' ImageTarTest: entrypoint,
# non-root user 185, exposed ports, the /deployments layout).
#
#   scripts/build-images.sh                     # production base: registry.access.redhat.com/ubi9/openjdk-17-runtime (needs that registry)
#   scripts/build-images.sh --offline           # base "scratch": proves the build and the config offline; the image has no JVM
#   scripts/build-images.sh --base tar:///path/base-jre.tar   # a base image tar made offline (shared notes: debootstrap + jlink)
#
# Output: k8s-tests/target/images/<service>.tar, tagged gpconnect/<service>:<project version>; load or push
# it with `docker load -i`, `skopeo copy docker-archive:<tar> docker://<registry>/...` or `crane push`.
# The services are packaged first (tests skipped) unless --no-package is given.
set -euo pipefail
cd "$(dirname "$0")/.."
base=""
package=true
while [ $# -gt 0 ]; do
  case "$1" in
    --offline) base=scratch ;;
    --base) base="$2"; shift ;;
    --no-package) package=false ;;
    *) echo "usage: $0 [--offline | --base IMAGE] [--no-package]" >&2; exit 2 ;;
  esac
  shift
done
services=spine-gateway,appointment-service,access-record-service,send-document-service
if $package; then
  scripts/mvn -B -ntp package -pl "$services" -am -DskipTests
fi
args=(-B -ntp verify -pl k8s-tests -Pimages -Dtest=ImageTarTest -Dsurefire.failIfNoSpecifiedTests=false)
if [ -n "$base" ]; then
  args+=("-Dimages.base=$base")
fi
scripts/mvn "${args[@]}"
ls -l k8s-tests/target/images/*.tar
