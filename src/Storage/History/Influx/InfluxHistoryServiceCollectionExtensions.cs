using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Influx;

public static class InfluxHistoryServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the store uses (<c>IHttpClientFactory</c>).</summary>
    public const string HttpClientName = "IotService.Influx";

    /// <summary>
    /// Registers <see cref="InfluxHistoryStore"/> as <see cref="IHistoryStore"/> and <see cref="IHistoryRetention"/>,
    /// configured by <c>History</c> (<see cref="HistoryOptions"/>, its <c>Influx</c> section for the server).
    /// </summary>
    public static IServiceCollection AddInfluxHistoryStore(this IServiceCollection services)
    {
        services.AddOptions<HistoryOptions>();
        services.TryAddSingleton(TimeProvider.System);

        // One long-lived client for a singleton: the pooled connection lifetime picks up DNS changes
        // instead of handler rotation, and no log line per request.
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.GZip,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.AddSingleton(sp => new InfluxHistoryStore(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<HistoryOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InfluxHistoryStore>>()));
        services.AddSingleton<IHistoryStore>(sp => sp.GetRequiredService<InfluxHistoryStore>());
        services.AddSingleton<IHistoryRetention>(sp => sp.GetRequiredService<InfluxHistoryStore>());
        return services;
    }
}
