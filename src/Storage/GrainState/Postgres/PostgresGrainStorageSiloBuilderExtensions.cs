using IotService.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;

namespace IotService.Storage.GrainState.Postgres;

public static class PostgresGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Grain state in the PostgreSQL database of <c>ConnectionStrings:Postgres</c> under the provider name
    /// <paramref name="name"/> (the second argument of <c>[PersistentState]</c>). Several names share one table, and
    /// several hubs one database.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.AddPostgresStateDatabase();
        builder.Services.AddGrainStorage(name, Create);
        return builder;
    }

    private static RelationalGrainStorage Create(IServiceProvider services, string name) =>
        RelationalGrainStorage.Create(services, name, new PostgresStorageDialect(services.GetRequiredService<PostgresDatabase>()));
}
