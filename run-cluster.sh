#!/usr/bin/env bash
# Starts IotService in cluster mode on this machine, everything on loopback: Redis (membership), PostgreSQL (grain
# state, catalogs, accounts), Mosquitto with its dynamic-security plugin (devices' accounts), InfluxDB (history) and
# three hubs on http://127.0.0.1:5080, :5081 and :5082, the first with the demo fleet. Ctrl-C stops them all.
# State is kept under ./data-cluster, so stopping and starting again continues where it stopped; --fresh starts over.
# Needs the Debian packages redis-server, postgresql, mosquitto, mosquitto-clients, influxdb (installed if missing when
# run as root) besides what ./run.sh needs. Any other argument goes to every hub, e.g. --Demo:Devices=2000.
set -euo pipefail
cd "$(dirname "$0")"

data="$PWD/data-cluster"
hubs=3
args=()
for arg in "$@"; do
  case "$arg" in
    --fresh) rm -rf "$data" ;;
    *) args+=("$arg") ;;
  esac
done

redis_port=6380
pg_port=5433
mqtt_port=1883
influx_port=8086
mqtt_admin=iot-hub
pids=()
hub_pids=()

need=()
command -v redis-server >/dev/null || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
[ -x /usr/bin/influxd ] || need+=(influxdb)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "run-cluster.sh: please install ${need[*]}"; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

stop() {
  trap - INT TERM EXIT
  echo "run-cluster.sh: stopping"
  # Hubs first, while Redis and PostgreSQL still answer: a hub leaving the cluster writes its status there.
  for pid in "${hub_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${hub_pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_postgres "$pg_bin/pg_ctl" -D "$data/postgres" -m fast stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# PostgreSQL refuses to run as root.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_for() { # what, command...
  local what=$1; shift
  for _ in $(seq 1 120); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "run-cluster.sh: $what did not come up"; exit 1
}

mkdir -p "$data"
secrets="$data/secrets"
if [ ! -f "$secrets" ]; then
  printf 'MQTT_ADMIN_PASSWORD=%s\nADMIN_TOKEN=%s\n' "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" \
    "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" >"$secrets"
  chmod 600 "$secrets"
fi
# shellcheck disable=SC1090
. "$secrets"

# Redis: membership and the live-event relay; an append-only file, so hubs that outlive a Redis restart find their rows.
mkdir -p "$data/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly yes --dir "$data/redis" \
  --logfile "$data/redis/redis.log" &
pids+=($!)

# PostgreSQL in its own folder, trusted on loopback only.
if [ ! -f "$data/postgres/PG_VERSION" ]; then
  mkdir -p "$data/postgres"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data/postgres"
  as_postgres "$pg_bin/initdb" -D "$data/postgres" -U postgres --auth=trust >/dev/null
fi
[ "$(id -u)" -eq 0 ] && chown -R postgres "$data/postgres"
as_postgres "$pg_bin/pg_ctl" -D "$data/postgres" -l "$data/postgres/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $data/postgres -c max_connections=200" start >/dev/null
as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='iot'" \
  | grep -q 1 || as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres iot

# InfluxDB 1.x.
mkdir -p "$data/influx"
cat >"$data/influx/influxdb.conf" <<EOF
reporting-enabled = false
reporting-disabled = true
bind-address = "127.0.0.1:8089"
[meta]
  dir = "$data/influx/meta"
[data]
  dir = "$data/influx/data"
  wal-dir = "$data/influx/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$influx_port"
  log-enabled = false
[logging]
  level = "warn"
EOF
influxd -config "$data/influx/influxdb.conf" >"$data/influx/influxd.log" 2>&1 &
pids+=($!)

# Mosquitto: devices and hubs authenticate through the dynamic-security plugin; the hubs create the devices' accounts.
mkdir -p "$data/mosquitto"
if [ ! -f "$data/mosquitto/dynamic-security.json" ]; then
  mosquitto_ctrl dynsec init "$data/mosquitto/dynamic-security.json" "$mqtt_admin" "$MQTT_ADMIN_PASSWORD" >/dev/null
fi
cat >"$data/mosquitto/mosquitto.conf" <<EOF
listener $mqtt_port 127.0.0.1
allow_anonymous false
per_listener_settings false
plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so
plugin_opt_config_file $data/mosquitto/dynamic-security.json
persistence true
persistence_location $data/mosquitto/
autosave_interval 10
# A hub's session is the buffer when the hubs fall behind or one is away: past this, Mosquitto drops (docs/operations.md).
max_queued_messages 2000000
log_dest file $data/mosquitto/mosquitto.log
# Started as root, Mosquitto switches to its own user, which could not save the plugin's changes here; keep ours.
user $(id -un)
EOF
mosquitto -c "$data/mosquitto/mosquitto.conf" &
pids+=($!)

wait_for "Redis" redis-cli -p "$redis_port" ping
wait_for "InfluxDB" curl -sf "http://127.0.0.1:$influx_port/ping"
wait_for "Mosquitto" bash -c "echo > /dev/tcp/127.0.0.1/$mqtt_port"

./scripts/check-node.sh
dotnet build src/Dashboard/IotService.Dashboard.csproj -c Release --nologo -v quiet -clp:ErrorsOnly

# Secrets through the environment rather than the command line, which every user of the machine can read.
export Mqtt__Password="$MQTT_ADMIN_PASSWORD" Auth__BootstrapAdminToken="$ADMIN_TOKEN"
for i in $(seq 1 $hubs); do
  demo=false
  [ "$i" -eq 1 ] && demo=true
  mkdir -p "$data/hub$i"
  dotnet src/Dashboard/bin/Release/net10.0/IotService.Dashboard.dll \
    --Urls="http://127.0.0.1:$((5079 + i))" \
    --Orleans:Clustering=redis --ConnectionStrings:Redis="127.0.0.1:$redis_port" \
    --Orleans:SiloPort=$((11110 + i)) --Orleans:GatewayPort=$((29999 + i)) \
    --Storage:Provider=postgres \
    --ConnectionStrings:Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=iot;Maximum Pool Size=50" \
    --Storage:Path="$data/hub$i" \
    --History:Store=influx --History:Influx:Url="http://127.0.0.1:$influx_port" \
    --Mqtt:Mode=external --Mqtt:Host=127.0.0.1 --Mqtt:Port=$mqtt_port \
    --Mqtt:Username="$mqtt_admin" --Mqtt:ClientId="iot-hub-$i" \
    --Demo:Enabled=$demo "${args[@]}" >"$data/hub$i/hub.log" 2>&1 &
  hub_pids+=($!)
done

for i in $(seq 1 $hubs); do
  wait_for "hub $i" curl -sf "http://127.0.0.1:$((5079 + i))/health"
done
echo "run-cluster.sh: three hubs up: http://127.0.0.1:5080  http://127.0.0.1:5081  http://127.0.0.1:5082"
echo "run-cluster.sh: sign in as the demo users (see the README); logs under $data/hub*/hub.log. Ctrl-C stops everything."
wait -n "${pids[@]}" "${hub_pids[@]}" || true
echo "run-cluster.sh: a process exited; see the logs under $data"
