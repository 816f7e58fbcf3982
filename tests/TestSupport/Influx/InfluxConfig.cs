using System.Globalization;

namespace IotService.TestSupport.Influx;

/// <summary>
/// influxd's configuration for a test: everything under one folder, HTTP and the backup RPC port on
/// loopback (the RPC default 8088 would collide with other servers), nothing else listening, quiet.
/// </summary>
public static class InfluxConfig
{
    public static string Create(string folder, int httpPort, int rpcPort, bool authEnabled = false) => string.Create(CultureInfo.InvariantCulture, $"""
        # Debian's build reads reporting-enabled, upstream reporting-disabled; unknown keys are ignored.
        reporting-enabled = false
        reporting-disabled = true
        bind-address = "127.0.0.1:{rpcPort}"

        [meta]
          dir = "{folder}/meta"
          logging-enabled = false

        [data]
          dir = "{folder}/data"
          wal-dir = "{folder}/wal"
          query-log-enabled = false

        [http]
          bind-address = "127.0.0.1:{httpPort}"
          auth-enabled = {(authEnabled ? "true" : "false")}
          log-enabled = false

        [monitor]
          store-enabled = false

        [subscriber]
          enabled = false

        [continuous_queries]
          log-enabled = false
          run-interval = "1s"

        [logging]
          level = "warn"
          suppress-logo = true

        [[graphite]]
          enabled = false

        [[collectd]]
          enabled = false

        [[opentsdb]]
          enabled = false

        [[udp]]
          enabled = false
        """);
}
