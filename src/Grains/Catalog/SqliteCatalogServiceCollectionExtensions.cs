using IotService.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Grains.Catalog;

public static class SqliteCatalogServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDeviceCatalog"/> and <see cref="IDocumentCatalog"/> as singletons over the SQLite
    /// state database (the file of <see cref="StorageOptions.StateDatabaseFile"/>, shared with grain state).
    /// </summary>
    public static IServiceCollection AddSqliteCatalog(this IServiceCollection services)
    {
        services.AddSqliteStateDatabase();
        services.TryAddSingleton<IDeviceCatalog, SqliteDeviceCatalog>();
        services.TryAddSingleton<IDocumentCatalog, SqliteDocumentCatalog>();
        return services;
    }
}
