using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>The device list on SQLite, and the index each of its statements walks.</summary>
public sealed class SqliteDeviceListTests : DeviceListContract
{
    private readonly SqliteStore _store = new();

    protected override Task<IStoreUnderTest> OpenStoreAsync() => Task.FromResult<IStoreUnderTest>(_store);

    [Theory]
    [InlineData("severity", "ix_devices_list")]
    [InlineData("customer", "ix_devices_customer_worst")]
    [InlineData("search", "ix_devices_list")]
    public async Task AWorstFirstLevelWalksAnIndexInIdOrder(string filter, string index)
    {
        await _store.Devices.UpsertAsync(Device(1));
        var query = filter switch
        {
            "customer" => new DeviceQuery(CustomerId: "cust-1"),
            "search" => new DeviceQuery { Search = "x" },
            _ => new DeviceQuery(),
        };

        var (sql, parameters) = SqliteDeviceCatalog.BuildWorstLevel(query);
        var plan = await CatalogPaging.ExplainAsync(_store.Database, sql, parameters);

        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASearchInIdOrderWalksTheNarrowSearchIndex()
    {
        await _store.Devices.UpsertAsync(Device(1));

        var (sql, parameters) = SqliteDeviceCatalog.BuildList(new DeviceQuery { Search = "x" }, 100);
        var plan = await CatalogPaging.ExplainAsync(_store.Database, sql, parameters);

        Assert.Contains("ix_devices_search", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("customer")]
    [InlineData("status+model")]
    [InlineData("search")]
    public async Task ACountReadsAnIndexAlone(string filter)
    {
        await _store.Devices.UpsertAsync(Device(1));
        var query = filter switch
        {
            "customer" => new DeviceQuery(CustomerId: "cust-1"),
            "status+model" => new DeviceQuery(Statuses: [DeviceStatus.Offline]) { ModelIds = ["a", "b"] },
            "search" => new DeviceQuery { Search = "x" },
            _ => new DeviceQuery(),
        };

        var (sql, parameters) = SqliteDeviceCatalog.BuildCount(query);
        var plan = await CatalogPaging.ExplainAsync(_store.Database, sql, parameters);

        Assert.Contains("COVERING INDEX", plan, StringComparison.Ordinal);
    }
}
