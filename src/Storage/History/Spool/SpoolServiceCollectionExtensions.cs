using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Spool;

public static class SpoolServiceCollectionExtensions
{
    /// <summary>
    /// Puts the write-ahead spool in front of the registered <see cref="IHistoryStore"/>: whoever writes
    /// history appends to the spool (durably) and a hosted <see cref="SpoolForwarder"/> drains it into the
    /// store. Expects <see cref="HistoryOptions"/> to be bound and an <see cref="IHistoryStore"/> to be registered.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="defaultPath">The spool folder when <c>History:Spool:Path</c> is not set; null: <c>{Storage:Path}/spool</c>.</param>
    public static IServiceCollection AddHistorySpool(this IServiceCollection services, string? defaultPath = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<HistoryOptions>>().Value.Spool;
            var path = configured.Path ?? defaultPath ?? System.IO.Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path, "spool");
            var options = new SpoolOptions
            {
                Path = path, MaxBytes = configured.MaxBytes, SegmentBytes = configured.SegmentBytes,
                CommitWindowMilliseconds = configured.CommitWindowMilliseconds, CommitMaxBytes = configured.CommitMaxBytes,
            };
            var spool = new WriteAheadSpool(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WriteAheadSpool>>());
            SpoolMetrics.Observe(spool, sp.GetRequiredService<IMeterFactory>());
            return spool;
        });
        services.AddHostedService<SpoolForwarder>();
        services.AddSingleton<HistoryCatchUp>();
        return services;
    }
}
