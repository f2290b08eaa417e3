#!/usr/bin/env bash
# Runs every test of the suite (README "Test it"): unit tests, each service's tests against a real
# PostgreSQL and a real Kafka broker started in-process, and the system tests that drive the packaged
# services through the gateway, including the record viewer's browser test in headless Chromium.
# Needs a JDK 17+, network access to Maven Central, and Debian's chromium and chromium-driver packages:
# when /usr/bin/chromium or /usr/bin/chromedriver is missing they are installed first with apt-get (as
# root, or through sudo), and the run stops if that fails. scripts/mvn fetches Maven 3.9.16, and
# PostgreSQL (zonky binaries) and Kafka come from Maven Central as well.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installing Debian's chromium and chromium-driver for the browser test..."
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "scripts/test.sh: /usr/bin/chromium and /usr/bin/chromedriver are missing, and without root or sudo they" \
      "cannot be installed: apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  if ! { "${as_root[@]}" apt-get update -q \
      && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver; }; then
    echo "scripts/test.sh: installing chromium and chromium-driver failed; the browser test needs them" >&2
    exit 1
  fi
  for tool in /usr/bin/chromium /usr/bin/chromedriver; do
    [ -x "$tool" ] || { echo "scripts/test.sh: $tool is still missing after apt-get install" >&2; exit 1; }
  done
fi

exec scripts/mvn -B -ntp verify "$@"
