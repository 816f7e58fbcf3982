using IotService.Storage.GrainState.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace IotService.Storage.Tests.GrainState;

public sealed class SqliteGrainStorageSiloTests : GrainStorageSiloContract
{
    protected override Task ConfigureAsync(HostApplicationBuilder builder) => Task.CompletedTask;

    protected override void AddGrainStorage(ISiloBuilder silo) => silo.AddSqliteGrainStorage(ProviderName);

    protected override async Task<List<(string GrainType, string GrainId)>> StoredKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "data", "state.db")};Pooling=False");
        await connection.OpenAsync();
        return await GrainStateRows.KeysAsync(connection);
    }
}
