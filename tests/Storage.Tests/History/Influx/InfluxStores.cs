using System.Net;
using IotService.Storage.History;
using IotService.Storage.History.Influx;
using IotService.TestSupport.Influx;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>Stores under test, each on a database of its own.</summary>
public static class InfluxStores
{
    private static readonly HttpClient Shared = new(Handler());

    /// <summary>
    /// Retention long enough that the contract suite's fixed dates stay inside it for decades:
    /// InfluxDB refuses points older than the policy's duration.
    /// </summary>
    public static HistoryOptions Options(string url, string database) => new()
    {
        Store = "influx",
        RawRetentionDays = 36_500,
        DownsampledRetentionDays = 36_500,
        Influx = { Url = url, Database = database, TimeoutSeconds = 10 },
    };

    public static InfluxHistoryStore Create(InfluxServer server, string database, Action<HistoryOptions>? configure = null, HttpClient? client = null, TimeProvider? timeProvider = null)
    {
        var options = Options(server.Url, database);
        configure?.Invoke(options);
        return Create(options, client, timeProvider);
    }

    public static InfluxHistoryStore Create(HistoryOptions options, HttpClient? client = null, TimeProvider? timeProvider = null)
        => new(client ?? Shared, Microsoft.Extensions.Options.Options.Create(options), timeProvider ?? TimeProvider.System, NullLogger<InfluxHistoryStore>.Instance);

    public static SocketsHttpHandler Handler() => new() { AutomaticDecompression = DecompressionMethods.GZip };
}
