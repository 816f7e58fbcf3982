using IotService.Ingest.Directory;
using IotService.Storage.History;
using IotService.Storage.History.Spool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Ingest.HistoryWriting;

public static class HistoryWritingServiceCollectionExtensions
{
    /// <summary>
    /// The pump's <see cref="IHistoryWriter"/>: through the spool when the history store sits behind one (the spool's
    /// commit is then the durability point), else straight into the store, else nowhere (no store configured).
    /// </summary>
    public static IServiceCollection AddHistoryWriter(this IServiceCollection services)
    {
        services.TryAddSingleton<IHistoryWriter>(sp => sp.GetService<WriteAheadSpool>() is { } spool
            ? new SpooledHistoryWriter(spool, sp.GetRequiredService<DeviceDirectory>())
            : sp.GetService<IHistoryStore>() is { } store
                ? new StoreHistoryWriter(store, sp.GetRequiredService<DeviceDirectory>())
                : new NoHistoryWriter());
        return services;
    }
}
