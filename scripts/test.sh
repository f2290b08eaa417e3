#!/usr/bin/env bash
# Runs every test of the suite (README "Test it"): unit tests, each service's tests against a real
# PostgreSQL and a real Kafka broker started in-process, and the system tests that drive the packaged
# services through the gateway. Needs only a JDK 17+ and network access to Maven Central: scripts/mvn
# fetches Maven 3.9.16, and PostgreSQL (zonky binaries) and Kafka come from Maven Central as well.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/mvn -B -ntp verify "$@"
