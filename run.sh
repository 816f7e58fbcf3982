#!/usr/bin/env bash
# Builds and starts the hub on embedded defaults: MQTT on 127.0.0.1:1883, the web app and API on
# http://127.0.0.1:5080, state under ./data, with a demo fleet and simulator unless --no-demo.
# Building needs the .NET 10 SDK and Node.js 20.19+ (the web app is built by Vite).
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

./scripts/check-node.sh
dotnet build src/Dashboard/IotService.Dashboard.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
exec dotnet src/Dashboard/bin/Release/net10.0/IotService.Dashboard.dll --Demo:Enabled="$demo" "${args[@]}"
