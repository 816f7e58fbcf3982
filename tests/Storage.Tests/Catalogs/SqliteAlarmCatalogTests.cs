using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.CatalogSamples;

namespace IotService.Storage.Tests.Catalogs;

public sealed class SqliteAlarmCatalogTests : AlarmCatalogContract
{
    private readonly SqliteStore _store = new();

    protected override Task<IStoreUnderTest> OpenStoreAsync() => Task.FromResult<IStoreUnderTest>(_store);

    [Theory]
    [InlineData("none", "sqlite_autoindex_alarms_1")]
    [InlineData("state", "ix_alarms_state")]
    [InlineData("severity", "ix_alarms_severity")]
    [InlineData("device", "ix_alarms_device")]
    [InlineData("customer", "ix_alarms_customer")]
    public async Task EachFilterWalksItsIndexInIdOrderWithoutSorting(string filter, string index)
    {
        await _store.Alarms.UpsertAsync(Alarm(1));
        var query = filter switch
        {
            "state" => new AlarmQuery(States: [AlarmState.Active]),
            "severity" => new AlarmQuery(Severities: [Severity.Critical]),
            "device" => new AlarmQuery(DeviceId: "dev-0001"),
            "customer" => new AlarmQuery(CustomerId: "cust-1"),
            _ => new AlarmQuery(),
        };

        var (firstSql, firstParameters, _) = SqliteAlarmCatalog.BuildList(query);
        var (nextSql, nextParameters, _) = SqliteAlarmCatalog.BuildList(query with { Cursor = KeysetCursor.Encode(IdAt(1)) });
        var firstPlan = await CatalogPaging.ExplainAsync(_store.Database, firstSql, firstParameters);
        var nextPlan = await CatalogPaging.ExplainAsync(_store.Database, nextSql, nextParameters);

        Assert.Contains($"USING INDEX {index}", firstPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", firstPlan, StringComparison.Ordinal);
        Assert.Contains($"USING INDEX {index}", nextPlan, StringComparison.Ordinal);
        Assert.Contains("id<?", nextPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", nextPlan, StringComparison.Ordinal);
    }
}
