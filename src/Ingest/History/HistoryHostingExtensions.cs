using IotService.Ingest.History.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotService.Ingest.History;

public static class HistoryHostingExtensions
{
    /// <summary>Telemetry history per <c>History:Store</c>: <c>sqlite</c> (default) or <c>influx</c>.</summary>
    public static IHostApplicationBuilder AddHistory(this IHostApplicationBuilder builder)
    {
        var store = builder.Configuration[$"{HistoryOptions.SectionName}:{nameof(HistoryOptions.Store)}"] ?? "sqlite";
        if (string.Equals(store, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            builder.AddSqliteHistory();
            builder.Services.AddSingleton<IHistoryWriter, StoreHistoryWriter>();
            return builder;
        }

        throw new InvalidOperationException($"History:Store '{store}' is not supported; use 'sqlite' or 'influx'.");
    }
}
