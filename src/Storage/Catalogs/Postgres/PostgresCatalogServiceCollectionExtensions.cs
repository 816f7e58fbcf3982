using IotService.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Storage.Catalogs.Postgres;

public static class PostgresCatalogServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDeviceCatalog"/>, <see cref="IDocumentCatalog"/> (and with it the accounts),
    /// <see cref="IAlarmCatalog"/> and <see cref="IWorkOrderCatalog"/> as singletons over the PostgreSQL database of
    /// <c>ConnectionStrings:Postgres</c> (<see cref="PostgresDatabase"/>, shared with grain state and other hubs).
    /// </summary>
    public static IServiceCollection AddPostgresCatalog(this IServiceCollection services)
    {
        services.AddPostgresStateDatabase();
        services.TryAddSingleton<IDeviceCatalog, PostgresDeviceCatalog>();
        services.TryAddSingleton<IDocumentCatalog, PostgresDocumentCatalog>();
        services.TryAddSingleton<IAlarmCatalog, PostgresAlarmCatalog>();
        services.TryAddSingleton<IWorkOrderCatalog, PostgresWorkOrderCatalog>();
        return services;
    }
}
