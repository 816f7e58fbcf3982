#!/usr/bin/env bash
# Builds and starts the hub on embedded defaults: MQTT on 127.0.0.1:1883, HTTP on
# http://127.0.0.1:5080, state under ./data, with a demo fleet and simulator unless --no-demo.
# Any other argument is passed to the hub as configuration, e.g. --Mqtt:Port=1884.
set -euo pipefail
cd "$(dirname "$0")"

demo=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-demo) demo=false ;;
    *) args+=("$arg") ;;
  esac
done

dotnet build src/Dashboard/IotService.Dashboard.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet src/Dashboard/bin/Release/net10.0/IotService.Dashboard.dll --Demo:Enabled="$demo" "${args[@]}"
