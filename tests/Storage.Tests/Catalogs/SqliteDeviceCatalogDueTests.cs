using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

public sealed class SqliteDeviceCatalogDueTests : DeviceCatalogDueContract
{
    private readonly SqliteStore _store = new();

    protected override Task<IStoreUnderTest> OpenStoreAsync() => Task.FromResult<IStoreUnderTest>(_store);

    [Fact]
    public async Task DatabaseFromBeforeDueTimesGainsTheColumnAndKeepsItsRows()
    {
        // The devices table as the first release created it, without due_at.
        await using (var connection = await _store.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                """
                CREATE TABLE devices (
                    id TEXT NOT NULL PRIMARY KEY, name TEXT NULL, model_id TEXT NOT NULL, customer_id TEXT NULL,
                    status INTEGER NOT NULL, severity INTEGER NOT NULL, lat REAL NULL, lon REAL NULL, last_seen INTEGER NULL,
                    registered_at INTEGER NOT NULL, values_json TEXT NOT NULL, secret_hash TEXT NOT NULL,
                    activation_code TEXT NOT NULL, updated_at INTEGER NOT NULL);
                INSERT INTO devices VALUES ('old-1', NULL, 'm', NULL, 0, 0, NULL, NULL, NULL, 0, '{}', 'h', '', 0);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var old = await _store.Devices.GetAsync("old-1");
        await _store.Devices.UpsertAsync(Device(1) with { DueAt = T0 });

        Assert.NotNull(old);
        Assert.Null(old.DueAt);
        Assert.Equal(["dev-0001"], await _store.Devices.DueAsync(T0, 10));
    }
}
