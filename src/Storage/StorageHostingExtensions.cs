using IotService.Storage.Catalogs.Postgres;
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
    /// history (<c>History:Store</c>). Grain state is the silo's part: <c>AddSqliteGrainStorage</c> or
    /// <c>AddPostgresGrainStorage</c> on the silo builder, as <see cref="StorageProviders.From"/> says.
    /// </summary>
    /// <remarks>
    /// With <c>postgres</c> the catalogs (and the accounts, which are documents) live in the database of
    /// <c>ConnectionStrings:Postgres</c> and no SQLite state file is made; <c>Storage:Path</c> still holds this hub's
    /// spool and other local files.
    /// </remarks>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        if (StorageProviders.From(builder.Configuration) == StorageProviders.Postgres)
        {
            services.AddPostgresCatalog();
        }
        else
        {
            services.AddSqliteCatalog();
        }

        builder.AddHistoryStore();
        return builder;
    }
}
