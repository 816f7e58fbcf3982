#!/usr/bin/env bash
# Installs what the tests need if it is missing, builds (the web app too: Node 20.19+ is a
# prerequisite like the .NET SDK), runs every test project and the web client's Vitest suite
# and prints the totals as its last line. Servers the tests talk to (Mosquitto, InfluxDB and a
# headless Chromium, PostgreSQL and Redis) are started by the
# test fixtures themselves on free loopback ports and stopped by them, so a test never depends
# on a server left running by someone else.
set -uo pipefail
cd "$(dirname "$0")"

install_missing() {
  local need=()
  [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
  command -v mosquitto_pub >/dev/null 2>&1 || need+=(mosquitto-clients)
  [ -x /usr/bin/influxd ] || need+=(influxdb)
  [ -x /usr/bin/influx ] || need+=(influxdb-client)
  [ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
  [ -x /usr/bin/redis-server ] || need+=(redis-server)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
  if [ ${#need[@]} -gt 0 ]; then
    echo "test.sh: installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

install_missing || { echo "test.sh: could not install test dependencies"; exit 1; }
./scripts/check-node.sh || { echo "tests: 0 passed, 1 failed (Node.js missing)"; exit 1; }

dotnet build IotService.sln -c Debug --nologo -v quiet -clp:ErrorsOnly || { echo "tests: 0 passed, 1 failed (build failed)"; exit 1; }

log=$(mktemp)
results=$(mktemp -d)
dotnet test IotService.sln -c Debug --no-build --nologo -v quiet --logger trx --results-directory "$results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The quiet console shows only "[FAIL]"; say why each failed, from the TRX files, so a red CI run can be read.
if [ "$status" -ne 0 ]; then
  python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        message = result.findtext(".//t:Message", "", ns).strip()
        trace = "\n".join(result.findtext(".//t:StackTrace", "", ns).strip().splitlines()[:6])
        print(f"FAILED {result.get('testName')}\n  {message}\n{trace}\n")
PY
fi
rm -rf "$results"

# The web client: lint, then Vitest; its summary ("Tests  31 passed (31)") joins the totals below.
web=src/Dashboard/web
(cd "$web" && npx eslint . && NO_COLOR=1 npx vitest run) 2>&1 | tee -a "$log"
web_status=${PIPESTATUS[0]}
[ "$web_status" -eq 0 ] || status=1

# One summary line per test project: "Passed!  - Failed: 0, Passed: 63, Skipped: 0, Total: 63, …"
totals=$(grep -E '(Passed|Failed)! +- Failed: ' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3; n++} END {printf "%d %d %d %d", p, f, s, n}')
read -r passed failed skipped projects <<<"$totals"
# Vitest's line: "Tests  2 failed | 29 passed (31)".
vitest=$(grep -E '^ *Tests +[0-9]' "$log" | tail -1)
for kind in passed failed skipped; do
  n=$(grep -oE "[0-9]+ $kind" <<<"$vitest" | grep -oE '^[0-9]+' || true)
  eval "$kind=\$(( $kind + ${n:-0} ))"
done
rm -f "$log"
if [ "${projects:-0}" -eq 0 ] && [ "$status" -ne 0 ]; then failed=$((failed + 1)); fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
