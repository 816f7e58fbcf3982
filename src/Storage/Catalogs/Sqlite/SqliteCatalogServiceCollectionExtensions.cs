using IotService.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Storage.Catalogs.Sqlite;

public static class SqliteCatalogServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDeviceCatalog"/>, <see cref="IDocumentCatalog"/>, <see cref="IAlarmCatalog"/> and
    /// <see cref="IWorkOrderCatalog"/> as singletons over the SQLite state database (the file of
    /// <see cref="StorageOptions.StateDatabaseFile"/>, shared with grain state).
    /// </summary>
    public static IServiceCollection AddSqliteCatalog(this IServiceCollection services)
    {
        services.AddSqliteStateDatabase();
        services.TryAddSingleton<IDeviceCatalog, SqliteDeviceCatalog>();
        services.TryAddSingleton<IDocumentCatalog, SqliteDocumentCatalog>();
        services.TryAddSingleton<IAlarmCatalog, SqliteAlarmCatalog>();
        services.TryAddSingleton<IWorkOrderCatalog, SqliteWorkOrderCatalog>();
        return services;
    }
}
