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
    /// Telemetry history per <c>History:Store</c>. <c>sqlite</c> (default): a local file, written
    /// directly (its group commit is the durability point). <c>influx</c>: InfluxDB behind the
    /// local write-ahead spool under <c>{Storage:Path}/spool</c>, so an outage loses nothing; the
    /// <see cref="WriteAheadSpool"/> is then registered, and writers append to it.
    /// </summary>
    public static IHostApplicationBuilder AddHistoryStore(this IHostApplicationBuilder builder)
    {
        var store = builder.Configuration[$"{HistoryOptions.SectionName}:{nameof(HistoryOptions.Store)}"] ?? "sqlite";
        var services = builder.Services;
        if (string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSqliteHistory();
            services.AddSingleton<IHistoryStatusSource>(new LocalHistoryStatus("sqlite"));
            return builder;
        }

        if (string.Equals(store, "influx", StringComparison.OrdinalIgnoreCase))
        {
            services.AddInfluxHistoryStore();
            services.AddHistorySpool();
            services.AddSingleton<IHistoryStatusSource, SpoolHistoryStatus>();
            services.AddHostedService(sp => new HistoryRetentionService(
                sp.GetRequiredService<IHistoryRetention>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HistoryRetentionService>>()));
            return builder;
        }

        throw new InvalidOperationException($"History:Store '{store}' is not supported; use 'sqlite' or 'influx'.");
    }
}
