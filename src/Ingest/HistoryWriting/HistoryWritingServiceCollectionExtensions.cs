using IotService.Ingest.Directory;
using IotService.Storage.History.Spool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Ingest.HistoryWriting;

public static class HistoryWritingServiceCollectionExtensions
{
    /// <summary>
    /// The pump's <see cref="IHistoryWriter"/>: appends to the write-ahead spool, whose commit is the durability point of
    /// every history store; nowhere when no history store is configured (a host without Storage).
    /// </summary>
    public static IServiceCollection AddHistoryWriter(this IServiceCollection services)
    {
        services.TryAddSingleton<IHistoryWriter>(sp => sp.GetService<WriteAheadSpool>() is { } spool
            ? new SpooledHistoryWriter(spool, sp.GetRequiredService<DeviceDirectory>())
            : new NoHistoryWriter());
        return services;
    }
}
