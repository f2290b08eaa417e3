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
