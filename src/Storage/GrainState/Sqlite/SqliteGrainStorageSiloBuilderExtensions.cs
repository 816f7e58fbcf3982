using IotService.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace IotService.Storage.GrainState.Sqlite;

public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Grain state in the SQLite file of <see cref="StorageOptions"/>, as the default storage provider.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    /// <summary>
    /// Grain state in the SQLite file of <see cref="StorageOptions"/> under the provider name
    /// <paramref name="name"/> (the second argument of <c>[PersistentState]</c>). Several names share one file.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.AddSqliteStateDatabase();
        builder.Services.AddGrainStorage(name, Create);
        return builder;
    }

    private static RelationalGrainStorage Create(IServiceProvider services, string name) =>
        RelationalGrainStorage.Create(services, name, new SqliteStorageDialect(services.GetRequiredService<SqliteDatabase>()));
}
