using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Storage.Sqlite;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared <see cref="SqliteDatabase"/> (one file, one writer) that grain state and the
    /// catalogs use, with <see cref="StorageOptions"/> bound from the <c>Storage</c> section. Idempotent.
    /// </summary>
    public static IServiceCollection AddSqliteStateDatabase(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        return services;
    }
}
