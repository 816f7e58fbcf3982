using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Tests.GrainState;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>The due time that drives the rule clock (no-data rules, escalation).</summary>
public sealed class DeviceCatalogDueTests : IAsyncLifetime
{
    private readonly TempDatabase _temp = new();
    private readonly SqliteDeviceCatalog _catalog;

    public DeviceCatalogDueTests() => _catalog = new SqliteDeviceCatalog(_temp.Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _temp.DisposeAsync().AsTask();

    [Fact]
    public async Task DueListsDevicesWhoseTimeHasComeEarliestFirstAndSkipsNeverDue()
    {
        await _catalog.UpsertManyAsync(
        [
            Device(1) with { DueAt = T0.AddMinutes(5) },
            Device(2) with { DueAt = T0.AddMinutes(1) },
            Device(3) with { DueAt = null },
            Device(4) with { DueAt = T0.AddMinutes(20) },
            Device(5) with { DueAt = T0.AddMinutes(3) },
        ]);

        Assert.Equal(["dev-0002", "dev-0005", "dev-0001"], await _catalog.DueAsync(T0.AddMinutes(10), 100));
        Assert.Equal(["dev-0002", "dev-0005"], await _catalog.DueAsync(T0.AddMinutes(10), 2));
        Assert.Empty(await _catalog.DueAsync(T0, 100));
        Assert.Equal(T0.AddMinutes(5), (await _catalog.GetAsync("dev-0001"))!.DueAt);
    }

    [Fact]
    public async Task MarkModelDueMakesOnlyThatModelsDevicesDueAndKeepsTheirUpdateTime()
    {
        await _catalog.UpsertManyAsync(
        [
            Device(1),
            Device(2) with { ModelId = "other" },
            Device(3) with { DueAt = T0.AddDays(1) },
        ]);

        var marked = await _catalog.MarkModelDueAsync("chiller-x", T0.AddSeconds(1));

        Assert.Equal(2, marked);
        Assert.Equal(["dev-0001", "dev-0003"], await _catalog.DueAsync(T0.AddSeconds(1), 100));
        Assert.Equal(T0, (await _catalog.GetAsync("dev-0001"))!.UpdatedAt);
        Assert.Null((await _catalog.GetAsync("dev-0002"))!.DueAt);
    }

    [Fact]
    public async Task DatabaseFromBeforeDueTimesGainsTheColumnAndKeepsItsRows()
    {
        // The devices table as the first release created it, without due_at.
        await using (var connection = await _temp.Database.OpenAsync())
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

        var old = await _catalog.GetAsync("old-1");
        await _catalog.UpsertAsync(Device(1) with { DueAt = T0 });

        Assert.NotNull(old);
        Assert.Null(old.DueAt);
        Assert.Equal(["dev-0001"], await _catalog.DueAsync(T0, 10));
    }
}
