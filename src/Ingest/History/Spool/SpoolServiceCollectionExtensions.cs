using System.Diagnostics.Metrics;
using IotService.Ingest.Directory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.History.Spool;

public static class SpoolServiceCollectionExtensions
{
    /// <summary>
    /// Puts the write-ahead spool in front of the registered <see cref="IHistoryStore"/>: the
    /// pipeline's <see cref="IHistoryWriter"/> appends to the spool (durably) and a hosted
    /// <see cref="SpoolForwarder"/> drains it into the store. Expects <see cref="HistoryOptions"/>
    /// to be bound, and a <see cref="DeviceDirectory"/> and an <see cref="IHistoryStore"/> to be registered.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="defaultPath">The spool folder when <c>History:Spool:Path</c> is not set, normally <c>{Storage:Path}/spool</c>.</param>
    public static IServiceCollection AddHistorySpool(this IServiceCollection services, string defaultPath)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<HistoryOptions>>().Value.Spool;
            var options = new SpoolOptions { Path = configured.Path ?? defaultPath, MaxBytes = configured.MaxBytes, SegmentBytes = configured.SegmentBytes };
            var spool = new WriteAheadSpool(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WriteAheadSpool>>());
            SpoolMetrics.Observe(spool, sp.GetRequiredService<IMeterFactory>());
            return spool;
        });
        services.AddHostedService<SpoolForwarder>();
        services.AddSingleton<IHistoryWriter, SpooledHistoryWriter>();
        return services;
    }
}
