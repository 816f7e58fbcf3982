using IotService.Contracts.Common;
using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.CatalogSamples;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>What every work-order catalog does, on SQLite and on PostgreSQL alike.</summary>
public abstract class WorkOrderCatalogContract : StoreContract
{
    private IWorkOrderCatalog Catalog => Store.WorkOrders;

    [Fact]
    public async Task UpsertedOrderReadsBackWithEveryFieldIncludingHistoryAndInitOnlyProperties()
    {
        var shanghai = TimeSpan.FromHours(8);
        var created = new DateTimeOffset(2026, 11, 23, 18, 0, 0, 123, shanghai).AddTicks(4567);
        var order = Order(1) with
        {
            Type = WorkOrderType.Predictive,
            State = WorkOrderState.OnSite,
            Priority = WorkOrderPriority.Urgent,
            Source = WorkOrderSource.Alarm,
            DeviceId = "dev-0042",
            Skill = "electrical",
            Level = 3,
            CreatedAt = created,
            CreatedBy = "rule",
            History =
            [
                new WorkOrderStep(WorkOrderState.New, created, "rule", "raised by alarm overheat"),
                new WorkOrderStep(WorkOrderState.Assigned, created.AddMinutes(1), "dispatch"),
                new WorkOrderStep(WorkOrderState.Accepted, created.AddMinutes(2), "li.wei"),
                new WorkOrderStep(WorkOrderState.Travelling, created.AddMinutes(3), "li.wei"),
                new WorkOrderStep(WorkOrderState.OnSite, created.AddMinutes(40), "li.wei", "gate code 1234"),
            ],
            UpdatedAt = created.AddMinutes(40),
            CustomerId = "cust-7",
            ModelId = "chiller-x",
            AlarmId = IdAt(0),
            Description = "noisy compressor",
            Location = new GeoPoint(31.23, 121.47),
            TechnicianId = "tech-1",
            DueAt = created.AddHours(4),
            AssignedAt = created.AddMinutes(1),
            ExcludedTechnicians = ["tech-9"],
            Completion = new WorkOrderCompletion("checked", [new PartUsed("relay", 2, 40.5m)], 30, 90m, 45m, 81m, 126m),
            Rating = 4,
            RatingComment = "fine",
            SlaBreached = true,
            HeldFrom = WorkOrderState.Accepted,
        };
        await Catalog.UpsertAsync(order);

        var read = await Catalog.GetAsync(order.Id);

        Assert.NotNull(read);
        Assert.Equal(order.History, read.History);
        Assert.Equal(order.ExcludedTechnicians, read.ExcludedTechnicians);
        Assert.Equal(order.Completion.Parts, read.Completion!.Parts);
        Assert.Equal(order, read with
        {
            History = order.History,
            ExcludedTechnicians = order.ExcludedTechnicians,
            Completion = read.Completion with { Parts = order.Completion.Parts },
        });
        Assert.Equal(created.Ticks, read.CreatedAt.Ticks);
        Assert.Equal(shanghai, read.CreatedAt.Offset);
    }

    [Fact]
    public async Task OrderWithoutOptionalFieldsReadsBackWithNulls()
    {
        var order = Order(1) with { CustomerId = null, History = [] };
        await Catalog.UpsertAsync(order);

        var read = await Catalog.GetAsync(order.Id);

        Assert.NotNull(read);
        Assert.Empty(read.History);
        Assert.Empty(read.ExcludedTechnicians);
        Assert.Equal(order, read with { History = order.History, ExcludedTechnicians = order.ExcludedTechnicians });
        Assert.Null(read.TechnicianId);
        Assert.Null(read.Location);
    }

    [Fact]
    public async Task UnknownOrderReadsAsNull() => Assert.Null(await Catalog.GetAsync(IdAt(1)));

    [Fact]
    public async Task NewerOrEqualUpsertReplacesTheRowAndOlderOneIsIgnoredInJsonAndColumns()
    {
        var order = Order(1);
        await Catalog.UpsertAsync(order);
        await Catalog.UpsertAsync(order with { State = WorkOrderState.Assigned, TechnicianId = "tech-1", UpdatedAt = T0.AddMinutes(5) });
        await Catalog.UpsertAsync(order with { State = WorkOrderState.Cancelled, TechnicianId = "tech-2", UpdatedAt = T0.AddMinutes(4) });

        var read = await Catalog.GetAsync(order.Id);

        Assert.Equal(WorkOrderState.Assigned, read!.State);
        Assert.Equal("tech-1", read.TechnicianId);
        Assert.Equal(T0.AddMinutes(5), read.UpdatedAt);
        Assert.Equal([order.Id], await IdsAsync(new WorkOrderQuery(TechnicianId: "tech-1")));
        Assert.Empty(await IdsAsync(new WorkOrderQuery(TechnicianId: "tech-2")));
        Assert.Empty(await IdsAsync(new WorkOrderQuery(States: [WorkOrderState.Cancelled])));

        await Catalog.UpsertAsync(read with { Description = "rattles at night" });
        Assert.Equal("rattles at night", (await Catalog.GetAsync(order.Id))!.Description);
    }

    [Fact]
    public async Task ListIsNewestFirst()
    {
        // Inserted out of order, so only ORDER BY can put them right.
        var orders = new[] { 3, 1, 4, 15, 9, 2, 6, 5 }.Select(Order).ToList();
        foreach (var order in orders)
        {
            await Catalog.UpsertAsync(order);
        }

        Assert.Equal(orders.OrderByDescending(order => order.CreatedAt).Select(order => order.Id), await IdsAsync(new WorkOrderQuery()));
    }

    [Fact]
    public async Task FiltersMatchOnlyTheirRowsAndCombineWithAnd()
    {
        var alarmId = IdAt(0);
        var o1 = Order(1);
        var o2 = Order(2) with { State = WorkOrderState.Assigned, TechnicianId = "tech-1", AlarmId = alarmId };
        var o3 = Order(3) with { State = WorkOrderState.OnSite, TechnicianId = "tech-1", DeviceId = "dev-0002" };
        var o4 = Order(4) with { State = WorkOrderState.Assigned, TechnicianId = "tech-2", DeviceId = "dev-0002", CustomerId = "cust-2" };
        var o5 = Order(5) with { DeviceId = "dev-0003", CustomerId = null, AlarmId = alarmId };
        await Task.WhenAll(new[] { o1, o2, o3, o4, o5 }.Select(order => Catalog.UpsertAsync(order)));

        Assert.Equal([o5.Id, o1.Id], await IdsAsync(new WorkOrderQuery(States: [WorkOrderState.New])));
        Assert.Equal([o4.Id, o3.Id, o2.Id], await IdsAsync(new WorkOrderQuery(States: [WorkOrderState.Assigned, WorkOrderState.OnSite])));
        Assert.Equal([o3.Id, o2.Id], await IdsAsync(new WorkOrderQuery(TechnicianId: "tech-1")));
        Assert.Equal([o4.Id, o3.Id], await IdsAsync(new WorkOrderQuery(DeviceId: "dev-0002")));
        Assert.Equal([o3.Id, o2.Id, o1.Id], await IdsAsync(new WorkOrderQuery(CustomerId: "cust-1")));
        Assert.Equal([o5.Id, o2.Id], await IdsAsync(new WorkOrderQuery(AlarmId: alarmId)));
        Assert.Equal([o2.Id], await IdsAsync(new WorkOrderQuery(States: [WorkOrderState.Assigned], TechnicianId: "tech-1")));
        Assert.Equal([o4.Id], await IdsAsync(new WorkOrderQuery(TechnicianId: "tech-2", DeviceId: "dev-0002", CustomerId: "cust-2")));
        Assert.Equal([o2.Id], await IdsAsync(new WorkOrderQuery([WorkOrderState.Assigned], "tech-1", "dev-0001", "cust-1", alarmId)));
        Assert.Equal([o5.Id, o4.Id, o3.Id, o2.Id, o1.Id], await IdsAsync(new WorkOrderQuery(States: [])));
        Assert.Empty(await IdsAsync(new WorkOrderQuery(TechnicianId: "tech-2", CustomerId: "cust-1")));
        Assert.Empty(await IdsAsync(new WorkOrderQuery(States: [WorkOrderState.Closed])));
    }

    [Fact]
    public async Task PagingThrough250OrdersWithLimit100GivesThreePagesNewestFirstWithoutGapsOrDuplicates()
    {
        var orders = Enumerable.Range(1, 250).Select(Order).ToList();
        await Task.WhenAll(orders.Select(order => Catalog.UpsertAsync(order)));

        var pages = await CatalogPaging.ListAllAsync(cursor => Catalog.ListAsync(new WorkOrderQuery(Limit: 100, Cursor: cursor)));

        Assert.Equal([100, 100, 50], pages.Select(page => page.Items.Count));
        Assert.Equal(orders.Select(order => order.Id).Reverse(), pages.SelectMany(page => page.Items).Select(order => order.Id));
        Assert.NotNull(pages[0].NextCursor);
        Assert.NotNull(pages[1].NextCursor);
        Assert.Null(pages[2].NextCursor);
    }

    [Fact]
    public async Task FilteredPagingKeepsEveryFilterAcrossPages()
    {
        var orders = Enumerable.Range(1, 30)
            .Select(minute => Order(minute) with
            {
                State = minute % 3 == 0 ? WorkOrderState.Assigned : WorkOrderState.Closed,
                TechnicianId = minute % 2 == 0 ? "tech-2" : "tech-1",
            })
            .ToList();
        await Task.WhenAll(orders.Select(order => Catalog.UpsertAsync(order)));

        var assigned = await CatalogPaging.ListAllAsync(cursor =>
            Catalog.ListAsync(new WorkOrderQuery(States: [WorkOrderState.Assigned], Limit: 4, Cursor: cursor)));
        var assignedToTech2 = await CatalogPaging.ListAllAsync(cursor =>
            Catalog.ListAsync(new WorkOrderQuery(States: [WorkOrderState.Assigned], TechnicianId: "tech-2", Limit: 2, Cursor: cursor)));

        Assert.Equal([4, 4, 2], assigned.Select(page => page.Items.Count));
        Assert.Equal(
            Enumerable.Range(1, 10).Reverse().Select(n => orders[(n * 3) - 1].Id),
            assigned.SelectMany(page => page.Items).Select(order => order.Id));
        Assert.Null(assigned[^1].NextCursor);
        Assert.Equal([2, 2, 1], assignedToTech2.Select(page => page.Items.Count));
        Assert.Equal(
            new[] { 30, 24, 18, 12, 6 }.Select(minute => orders[minute - 1].Id),
            assignedToTech2.SelectMany(page => page.Items).Select(order => order.Id));
        Assert.Null(assignedToTech2[^1].NextCursor);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(5000, 1000)]
    public async Task LimitIsClampedBetweenOneAndOneThousand(int limit, int expectedCount)
    {
        await Task.WhenAll(Enumerable.Range(1, 1001).Select(minute => Catalog.UpsertAsync(Order(minute))));

        var page = await Catalog.ListAsync(new WorkOrderQuery(Limit: limit));

        Assert.Equal(expectedCount, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("abc")]
    [InlineData("aGVsbG8")]
    [InlineData("azE6")]
    public async Task GarbageCursorIsRefusedAsInvalid(string cursor)
    {
        var error = await Assert.ThrowsAsync<InvalidCursorException>(() => Catalog.ListAsync(new WorkOrderQuery(Cursor: cursor)));

        Assert.Equal("cursor", error.ParamName);
    }

    private async Task<List<string>> IdsAsync(WorkOrderQuery query) =>
        (await Catalog.ListAsync(query)).Items.Select(item => item.Id).ToList();
}
