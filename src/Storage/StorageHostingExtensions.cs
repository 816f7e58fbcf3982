using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IotService.Storage;

public static class StorageHostingExtensions
{
    /// <summary>
    /// Every durable store of the hub (SPEC §3), with <see cref="StorageOptions"/> and <see cref="HistoryOptions"/>
    /// bound here and nowhere else: the relational state file and its catalogs (<c>Storage:Provider</c>), and telemetry
    /// history (<c>History:Store</c>). Grain state is the silo's part: <c>AddSqliteGrainStorage</c> on the silo builder.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSqliteCatalog();
        builder.AddHistoryStore();
        return builder;
    }
}
