using IotService.Storage.GrainState.Postgres;
using IotService.Storage.Tests.Postgres;
using IotService.Storage.Tests.Providers;
using IotService.TestSupport.Postgres;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IotService.Storage.Tests.GrainState;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageSiloTests(PostgresServer server) : GrainStorageSiloContract
{
    private string? _connectionString;

    protected override async Task ConfigureAsync(HostApplicationBuilder builder)
    {
        if (_connectionString is null)
        {
            // Emptied once per test, before the first silo; the second must find what the first wrote.
            await using var store = await PostgresStore.OpenAsync(server, nameof(PostgresGrainStorageSiloTests));
            _connectionString = await server.DatabaseAsync(nameof(PostgresGrainStorageSiloTests));
        }

        builder.Configuration["Storage:Provider"] = "postgres";
        builder.Configuration["ConnectionStrings:Postgres"] = _connectionString;
    }

    protected override void AddGrainStorage(ISiloBuilder silo) => silo.AddPostgresGrainStorage(ProviderName);

    protected override async Task<List<(string GrainType, string GrainId)>> StoredKeysAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return await GrainStateRows.KeysAsync(connection);
    }
}
