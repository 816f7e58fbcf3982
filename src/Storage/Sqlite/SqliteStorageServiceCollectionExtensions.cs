using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotService.Storage.Sqlite;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared <see cref="SqliteDatabase"/> (one file, one writer) that grain state and the
    /// catalogs use, in the folder of <see cref="StorageOptions"/> (bound by <c>AddStorage</c>). Idempotent.
    /// </summary>
    public static IServiceCollection AddSqliteStateDatabase(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        return services;
    }
}
