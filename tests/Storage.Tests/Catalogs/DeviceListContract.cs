using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>
/// The console's device list (issue 16): search, id lists, worst-first order with its cursors, counts, customer names;
/// on SQLite and on PostgreSQL alike.
/// </summary>
public abstract class DeviceListContract : StoreContract
{
    private IDeviceCatalog Catalog => Store.Devices;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.Documents.UpsertAsync(DocumentKinds.Customer, "cust-1", """{"id":"cust-1","name":"Huadong Cold Chain"}""", T0);
        await Store.Documents.UpsertAsync(DocumentKinds.Customer, "cust-2", """{"id":"cust-2","name":"Pearl River Hotels"}""", T0);
    }

    [Fact]
    public async Task SearchMatchesIdNameAndCustomerNameIgnoringCase()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1) with { Name = "Chiller Shanghai 01" },
            Device(2) with { Name = "Purifier Beijing 02", CustomerId = "cust-2" },
            Device(3) with { Name = null, CustomerId = null },
            Device(14) with { Name = "Robot Munich 14" },
        ]);

        Assert.Equal(["dev-0001"], await IdsAsync(new DeviceQuery { Search = "SHANGHAI" }));
        Assert.Equal(["dev-0014"], await IdsAsync(new DeviceQuery { Search = "v-0014" }));
        Assert.Equal(["dev-0002"], await IdsAsync(new DeviceQuery { Search = "pearl river" }));
        Assert.Equal(["dev-0001", "dev-0014"], await IdsAsync(new DeviceQuery { Search = "huadong" }));
        Assert.Equal(["dev-0001", "dev-0002", "dev-0003", "dev-0014"], await IdsAsync(new DeviceQuery { Search = "dev-" }));
        Assert.Empty(await IdsAsync(new DeviceQuery { Search = "tokyo" }));
    }

    [Fact]
    public async Task SearchTakesPercentUnderscoreAndBackslashLiterally()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1) with { Name = "Tank 100% full" },
            Device(2) with { Name = "Tank 1000 full" },
            Device(3) with { Name = @"line_a\b" },
            Device(4) with { Name = "lineXa" },
        ]);

        Assert.Equal(["dev-0001"], await IdsAsync(new DeviceQuery { Search = "100%" }));
        Assert.Equal(["dev-0003"], await IdsAsync(new DeviceQuery { Search = "e_a" }));
        Assert.Equal(["dev-0003"], await IdsAsync(new DeviceQuery { Search = @"a\b" }));
    }

    [Fact]
    public async Task SearchIgnoresTheCaseOfAsciiLettersOnly()
    {
        await Catalog.UpsertManyAsync([Device(1) with { Name = "Café Zürich" }, Device(2) with { Name = "CAFÉ ZÜRICH" }]);

        Assert.Equal(["dev-0001", "dev-0002"], await IdsAsync(new DeviceQuery { Search = "caf" }));
        Assert.Equal(["dev-0001"], await IdsAsync(new DeviceQuery { Search = "café" }));
        Assert.Equal(["dev-0002"], await IdsAsync(new DeviceQuery { Search = "CAFÉ" }));
    }

    [Fact]
    public async Task SearchAndFiltersCombine()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1) with { Name = "Chiller Shanghai 01", Severity = Severity.Critical },
            Device(2) with { Name = "Chiller Shanghai 02", Status = DeviceStatus.Offline },
            Device(3) with { Name = "Chiller Shanghai 03", ModelId = "purifier-p", CustomerId = "cust-2" },
            Device(4) with { Name = "Chiller Beijing 04", Severity = Severity.Critical },
            Device(5) with { Name = "Chiller Shanghai 05", ModelId = "robot-r", CustomerId = "cust-3" },
        ]);

        Assert.Equal(["dev-0001"], await IdsAsync(new DeviceQuery(Severities: [Severity.Critical]) { Search = "shanghai" }));
        Assert.Equal(["dev-0002"], await IdsAsync(new DeviceQuery(Statuses: [DeviceStatus.Offline]) { Search = "shanghai" }));
        Assert.Equal(["dev-0003", "dev-0005"], await IdsAsync(new DeviceQuery { ModelIds = ["purifier-p", "robot-r"], Search = "chiller" }));
        Assert.Equal(["dev-0003", "dev-0005"], await IdsAsync(new DeviceQuery { CustomerIds = ["cust-2", "cust-3"] }));
        Assert.Equal(["dev-0003"], await IdsAsync(new DeviceQuery { CustomerIds = ["cust-2", "cust-3"], ModelIds = ["purifier-p"] }));
        Assert.Empty(await IdsAsync(new DeviceQuery(CustomerId: "cust-1") { CustomerIds = ["cust-2"] }));
        Assert.Equal(["dev-0001", "dev-0004"], await IdsAsync(new DeviceQuery(CustomerId: "cust-1", Severities: [Severity.Critical]) { Sort = DeviceSort.Worst }));
    }

    [Fact]
    public async Task WorstFirstOrdersBySeverityThenId()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1),
            Device(2) with { Severity = Severity.Minor },
            Device(3) with { Severity = Severity.Critical },
            Device(4) with { Severity = Severity.Minor },
            Device(5) with { Severity = Severity.Warning },
            Device(6) with { Severity = Severity.Critical },
        ]);

        Assert.Equal(
            ["dev-0003", "dev-0006", "dev-0002", "dev-0004", "dev-0005", "dev-0001"],
            await IdsAsync(new DeviceQuery { Sort = DeviceSort.Worst }));
        Assert.Equal(
            ["dev-0003", "dev-0006", "dev-0005"],
            await IdsAsync(new DeviceQuery(Severities: [Severity.Warning, Severity.Critical]) { Sort = DeviceSort.Worst }));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(50)]
    public async Task WorstFirstPagingVisitsEveryRowOnceInOrder(int limit)
    {
        var devices = Enumerable.Range(1, 120).Select(n => Device(n) with { Severity = (Severity)(n * 7 % 5) }).ToList();
        await Catalog.UpsertManyAsync(devices);

        var pages = await CatalogPaging.ListAllAsync(cursor => Catalog.ListAsync(new DeviceQuery(Limit: limit, Cursor: cursor) { Sort = DeviceSort.Worst }));

        var expected = devices.OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id);
        Assert.Equal(expected, pages.SelectMany(page => page.Items).Select(item => item.Id));
        Assert.Null(pages[^1].NextCursor);
        Assert.All(pages[..^1], page => Assert.Equal(limit, page.Items.Count));
    }

    [Fact]
    public async Task WorstFirstPageAfterARowMovedShowsEveryOtherRowOnce()
    {
        await Catalog.UpsertManyAsync(Enumerable.Range(1, 10).Select(n => Device(n) with { Severity = n <= 5 ? Severity.Major : Severity.None }).ToList());
        var first = await Catalog.ListAsync(new DeviceQuery(Limit: 4) { Sort = DeviceSort.Worst });

        // dev-0002 (already shown) clears and dev-0009 (not yet shown) turns critical while the client reads page one.
        await Catalog.UpsertManyAsync(
        [
            Device(2) with { Severity = Severity.None, UpdatedAt = T0.AddSeconds(1) },
            Device(9) with { Severity = Severity.Critical, UpdatedAt = T0.AddSeconds(1) },
        ]);
        var rest = await CatalogPaging.ListAllAsync(cursor => Catalog.ListAsync(new DeviceQuery(Limit: 4, Cursor: cursor ?? first.NextCursor) { Sort = DeviceSort.Worst }));

        Assert.Equal(["dev-0001", "dev-0002", "dev-0003", "dev-0004"], first.Items.Select(item => item.Id));

        // A row that moved further down the order is shown again in its new place; one that moved up past the cursor is not.
        Assert.Equal(
            ["dev-0005", "dev-0002", "dev-0006", "dev-0007", "dev-0008", "dev-0010"],
            rest.SelectMany(page => page.Items).Select(item => item.Id));
    }

    [Fact]
    public async Task ACursorOfOneOrderIsRefusedByTheOther()
    {
        await Catalog.UpsertManyAsync(Enumerable.Range(1, 5).Select(Device).ToList());
        var byId = await Catalog.ListAsync(new DeviceQuery(Limit: 2));
        var worst = await Catalog.ListAsync(new DeviceQuery(Limit: 2) { Sort = DeviceSort.Worst });

        await Assert.ThrowsAsync<InvalidCursorException>(() => Catalog.ListAsync(new DeviceQuery(Cursor: byId.NextCursor) { Sort = DeviceSort.Worst }));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Catalog.ListAsync(new DeviceQuery(Cursor: worst.NextCursor)));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Catalog.ListAsync(new DeviceQuery(Cursor: KeysetCursor.Encode("9:dev-0001", WorstCursor.Tag)) { Sort = DeviceSort.Worst }));
    }

    [Fact]
    public async Task CountCountsEveryMatchIgnoringPaging()
    {
        await Catalog.UpsertManyAsync(Enumerable.Range(1, 30)
            .Select(n => Device(n) with { Severity = n % 3 == 0 ? Severity.Critical : Severity.None, Name = n % 2 == 0 ? "Even" : "Odd" })
            .ToList());

        Assert.Equal(30, await Catalog.CountAsync(new DeviceQuery(Limit: 5)));
        Assert.Equal(10, await Catalog.CountAsync(new DeviceQuery(Severities: [Severity.Critical], Limit: 1) { Sort = DeviceSort.Worst }));
        Assert.Equal(5, await Catalog.CountAsync(new DeviceQuery(Severities: [Severity.Critical]) { Search = "even" }));
        Assert.Equal(0, await Catalog.CountAsync(new DeviceQuery(CustomerId: "cust-9")));
    }

    [Fact]
    public async Task ListedRowsCarryTheCustomersName()
    {
        await Catalog.UpsertManyAsync([Device(1), Device(2) with { CustomerId = "cust-2" }, Device(3) with { CustomerId = null }, Device(4) with { CustomerId = "cust-404" }]);

        var byId = (await Catalog.ListAsync(new DeviceQuery())).Items.Select(item => item.CustomerName);
        var worst = (await Catalog.ListAsync(new DeviceQuery { Sort = DeviceSort.Worst })).Items.Select(item => item.CustomerName);

        Assert.Equal(["Huadong Cold Chain", "Pearl River Hotels", null, null], byId);
        Assert.Equal(byId, worst);
    }

    private async Task<List<string>> IdsAsync(DeviceQuery query) =>
        (await Catalog.ListAsync(query)).Items.Select(item => item.Id).ToList();
}
