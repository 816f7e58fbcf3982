using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.CatalogSamples;

namespace IotService.Storage.Tests.Catalogs;

public sealed class SqliteWorkOrderCatalogTests : WorkOrderCatalogContract
{
    private readonly SqliteStore _store = new();

    protected override Task<IStoreUnderTest> OpenStoreAsync() => Task.FromResult<IStoreUnderTest>(_store);

    [Theory]
    [InlineData("none", "sqlite_autoindex_work_orders_1")]
    [InlineData("state", "ix_work_orders_state")]
    [InlineData("technician", "ix_work_orders_technician")]
    [InlineData("device", "ix_work_orders_device")]
    [InlineData("customer", "ix_work_orders_customer")]
    [InlineData("alarm", "ix_work_orders_alarm")]
    public async Task EachFilterWalksItsIndexInIdOrderWithoutSorting(string filter, string index)
    {
        await _store.WorkOrders.UpsertAsync(Order(1));
        var query = filter switch
        {
            "state" => new WorkOrderQuery(States: [WorkOrderState.New]),
            "technician" => new WorkOrderQuery(TechnicianId: "tech-1"),
            "device" => new WorkOrderQuery(DeviceId: "dev-0001"),
            "customer" => new WorkOrderQuery(CustomerId: "cust-1"),
            "alarm" => new WorkOrderQuery(AlarmId: IdAt(0)),
            _ => new WorkOrderQuery(),
        };

        var (firstSql, firstParameters, _) = SqliteWorkOrderCatalog.BuildList(query);
        var (nextSql, nextParameters, _) = SqliteWorkOrderCatalog.BuildList(query with { Cursor = KeysetCursor.Encode(IdAt(1)) });
        var firstPlan = await CatalogPaging.ExplainAsync(_store.Database, firstSql, firstParameters);
        var nextPlan = await CatalogPaging.ExplainAsync(_store.Database, nextSql, nextParameters);

        Assert.Contains($"USING INDEX {index}", firstPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", firstPlan, StringComparison.Ordinal);
        Assert.Contains($"USING INDEX {index}", nextPlan, StringComparison.Ordinal);
        Assert.Contains("id<?", nextPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", nextPlan, StringComparison.Ordinal);
    }
}
