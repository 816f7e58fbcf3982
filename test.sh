#!/usr/bin/env bash
# Installs what the tests need if it is missing, builds, runs every test project and prints
# the totals as its last line. Servers the tests talk to (Mosquitto today; InfluxDB,
# PostgreSQL, Redis and Chromium as later suites need them) are started by the test fixtures
# themselves on free loopback ports and stopped by them, so a test never depends on a
# server left running by someone else.
set -uo pipefail
cd "$(dirname "$0")"

install_missing() {
  local need=()
  [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
  command -v mosquitto_pub >/dev/null 2>&1 || need+=(mosquitto-clients)
  [ -x /usr/bin/influxd ] || need+=(influxdb)
  [ -x /usr/bin/influx ] || need+=(influxdb-client)
  if [ ${#need[@]} -gt 0 ]; then
    echo "test.sh: installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

install_missing || { echo "test.sh: could not install test dependencies"; exit 1; }

dotnet build IotService.sln -c Debug --nologo -v quiet -clp:ErrorsOnly || { echo "tests: 0 passed, 1 failed (build failed)"; exit 1; }

log=$(mktemp)
dotnet test IotService.sln -c Debug --no-build --nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test project: "Passed!  - Failed: 0, Passed: 63, Skipped: 0, Total: 63, …"
totals=$(grep -E '(Passed|Failed)! +- Failed: ' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3; n++} END {printf "%d %d %d %d", p, f, s, n}')
read -r passed failed skipped projects <<<"$totals"
rm -f "$log"
if [ "${projects:-0}" -eq 0 ] && [ "$status" -ne 0 ]; then failed=$((failed + 1)); fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
