using IotService.Storage.History.Influx;
using IotService.Storage.History.Spool;
using IotService.Storage.History.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.History;

public static class HistoryHostingExtensions
{
    /// <summary>
    /// Telemetry history per <c>History:Store</c>: <c>sqlite</c> (default, a file under <c>Storage:Path</c>) or
    /// <c>influx</c>. Either way the local write-ahead spool under <c>{Storage:Path}/spool</c> is the one durability
    /// point: a QoS 1 reading counts as stored once its append is fsync-ed there, and the
    /// <see cref="SpoolForwarder"/> feeds the store from it in large batches, off the acknowledgement path, so
    /// neither an InfluxDB outage nor SQLite's merges and retention hold an acknowledgement up.
    /// </summary>
    public static IHostApplicationBuilder AddHistoryStore(this IHostApplicationBuilder builder)
    {
        var store = builder.Configuration[$"{HistoryOptions.SectionName}:{nameof(HistoryOptions.Store)}"] ?? "sqlite";
        var services = builder.Services;
        if (string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSqliteHistory();
        }
        else if (string.Equals(store, "influx", StringComparison.OrdinalIgnoreCase))
        {
            services.AddInfluxHistoryStore();
            services.AddHostedService(sp => new HistoryRetentionService(
                sp.GetRequiredService<IHistoryRetention>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HistoryRetentionService>>()));
        }
        else
        {
            throw new InvalidOperationException($"History:Store '{store}' is not supported; use 'sqlite' or 'influx'.");
        }

        services.AddHistorySpool();
        services.AddSingleton<IHistoryStatusSource, SpoolHistoryStatus>();
        return builder;
    }
}
