using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Storage.Catalogs;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.CatalogSamples;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>What every alarm catalog does, on SQLite and on PostgreSQL alike.</summary>
public abstract class AlarmCatalogContract : StoreContract
{
    private IAlarmCatalog Catalog => Store.Alarms;

    [Fact]
    public async Task UpsertedAlarmReadsBackWithEveryFieldIncludingHistoryAndInitOnlyProperties()
    {
        var shanghai = TimeSpan.FromHours(8);
        var raised = new DateTimeOffset(2026, 11, 23, 18, 0, 0, 123, shanghai).AddTicks(4567);
        var alarm = Alarm(1) with
        {
            CustomerId = "cust-7",
            ModelId = "purifier-p",
            RuleId = "odd-rpm",
            RuleKind = "anomaly",
            Severity = Severity.Major,
            State = AlarmState.Cleared,
            RaisedAt = raised,
            Explanation = new AlarmExplanation("rpm 4200 is outside 900–3100", "rpm", 4200, 900, 3100, 0.97),
            History =
            [
                new AlarmStep("raised", raised, "rule", AlarmState.Active, Severity.Minor),
                new AlarmStep("severityRaised", raised.AddMinutes(1), "rule", AlarmState.Active, Severity.Major),
                new AlarmStep("acknowledged", raised.AddMinutes(2), "zhang.min", AlarmState.Acknowledged, Severity.Major),
                new AlarmStep("cleared", raised.AddMinutes(3), "li.wei", AlarmState.Cleared, Severity.Major),
            ],
            UpdatedAt = raised.AddMinutes(3),
            AcknowledgedAt = raised.AddMinutes(2),
            AcknowledgedBy = "zhang.min",
            ClearedAt = raised.AddMinutes(3),
            ClearedBy = "li.wei",
            EscalationLevel = 2,
            WorkOrderId = IdAt(2),
            LastValue = 4187.5,
        };
        await Catalog.UpsertAsync(alarm);

        var read = await Catalog.GetAsync(alarm.Id);

        Assert.NotNull(read);
        Assert.Equal(alarm.History, read.History);
        Assert.Equal(alarm, read with { History = alarm.History });
        Assert.Equal(raised.Ticks, read.RaisedAt.Ticks);
        Assert.Equal(shanghai, read.RaisedAt.Offset);
    }

    [Fact]
    public async Task AlarmWithoutOptionalFieldsReadsBackWithNulls()
    {
        var alarm = Alarm(1) with { CustomerId = null, Explanation = new AlarmExplanation("no data for 10 minutes"), History = [] };
        await Catalog.UpsertAsync(alarm);

        var read = await Catalog.GetAsync(alarm.Id);

        Assert.NotNull(read);
        Assert.Empty(read.History);
        Assert.Equal(alarm, read with { History = alarm.History });
    }

    [Fact]
    public async Task UnknownAlarmReadsAsNull() => Assert.Null(await Catalog.GetAsync(IdAt(1)));

    [Fact]
    public async Task NewerOrEqualUpsertReplacesTheRowAndOlderOneIsIgnoredInJsonAndColumns()
    {
        var alarm = Alarm(1);
        await Catalog.UpsertAsync(alarm);
        await Catalog.UpsertAsync(alarm with { State = AlarmState.Acknowledged, UpdatedAt = T0.AddMinutes(5), AcknowledgedBy = "zhang.min" });
        await Catalog.UpsertAsync(alarm with { State = AlarmState.Cleared, Severity = Severity.Warning, UpdatedAt = T0.AddMinutes(4) });

        var read = await Catalog.GetAsync(alarm.Id);

        Assert.Equal(AlarmState.Acknowledged, read!.State);
        Assert.Equal("zhang.min", read.AcknowledgedBy);
        Assert.Equal(T0.AddMinutes(5), read.UpdatedAt);
        Assert.Equal([alarm.Id], await IdsAsync(new AlarmQuery(States: [AlarmState.Acknowledged])));
        Assert.Empty(await IdsAsync(new AlarmQuery(States: [AlarmState.Cleared])));
        Assert.Empty(await IdsAsync(new AlarmQuery(Severities: [Severity.Warning])));

        await Catalog.UpsertAsync(read with { EscalationLevel = 1 });
        Assert.Equal(1, (await Catalog.GetAsync(alarm.Id))!.EscalationLevel);
    }

    [Fact]
    public async Task ListIsNewestFirst()
    {
        // Inserted out of order, so only ORDER BY can put them right.
        var alarms = new[] { 3, 1, 4, 15, 9, 2, 6, 5 }.Select(Alarm).ToList();
        foreach (var alarm in alarms)
        {
            await Catalog.UpsertAsync(alarm);
        }

        Assert.Equal(alarms.OrderByDescending(alarm => alarm.RaisedAt).Select(alarm => alarm.Id), await IdsAsync(new AlarmQuery()));
    }

    [Fact]
    public async Task FiltersMatchOnlyTheirRowsAndCombineWithAnd()
    {
        var a1 = Alarm(1);
        var a2 = Alarm(2) with { State = AlarmState.Acknowledged, Severity = Severity.Major };
        var a3 = Alarm(3) with { State = AlarmState.Cleared, DeviceId = "dev-0002" };
        var a4 = Alarm(4) with { Severity = Severity.Warning, DeviceId = "dev-0002", CustomerId = "cust-2" };
        var a5 = Alarm(5) with { State = AlarmState.Acknowledged, Severity = Severity.Minor, DeviceId = "dev-0003", CustomerId = null };
        await Task.WhenAll(new[] { a1, a2, a3, a4, a5 }.Select(alarm => Catalog.UpsertAsync(alarm)));

        Assert.Equal([a4.Id, a1.Id], await IdsAsync(new AlarmQuery(States: [AlarmState.Active])));
        Assert.Equal([a4.Id, a1.Id], await IdsAsync(new AlarmQuery(States: [AlarmState.Active, AlarmState.Active])));
        Assert.Equal([a5.Id, a4.Id, a2.Id, a1.Id], await IdsAsync(new AlarmQuery(States: [AlarmState.Active, AlarmState.Acknowledged])));
        Assert.Equal([a3.Id, a1.Id], await IdsAsync(new AlarmQuery(Severities: [Severity.Critical])));
        Assert.Equal([a4.Id, a2.Id], await IdsAsync(new AlarmQuery(Severities: [Severity.Major, Severity.Warning])));
        Assert.Equal([a4.Id, a3.Id], await IdsAsync(new AlarmQuery(DeviceId: "dev-0002")));
        Assert.Equal([a3.Id, a2.Id, a1.Id], await IdsAsync(new AlarmQuery(CustomerId: "cust-1")));
        Assert.Equal([a4.Id], await IdsAsync(new AlarmQuery(CustomerId: "cust-2")));
        Assert.Equal([a4.Id], await IdsAsync(new AlarmQuery(States: [AlarmState.Active], DeviceId: "dev-0002")));
        Assert.Equal([a3.Id], await IdsAsync(new AlarmQuery(Severities: [Severity.Critical], DeviceId: "dev-0002", CustomerId: "cust-1")));
        Assert.Equal(
            [a2.Id],
            await IdsAsync(new AlarmQuery([AlarmState.Acknowledged], [Severity.Major, Severity.Minor], "dev-0001", "cust-1")));
        Assert.Equal([a5.Id, a4.Id, a3.Id, a2.Id, a1.Id], await IdsAsync(new AlarmQuery(States: [], Severities: [])));
        Assert.Empty(await IdsAsync(new AlarmQuery(States: [AlarmState.Cleared], CustomerId: "cust-2")));
        Assert.Empty(await IdsAsync(new AlarmQuery(DeviceId: "dev-9999")));
    }

    [Fact]
    public async Task PagingThrough250AlarmsWithLimit100GivesThreePagesNewestFirstWithoutGapsOrDuplicates()
    {
        var alarms = Enumerable.Range(1, 250).Select(Alarm).ToList();
        await Task.WhenAll(alarms.Select(alarm => Catalog.UpsertAsync(alarm)));

        var pages = await CatalogPaging.ListAllAsync(cursor => Catalog.ListAsync(new AlarmQuery(Limit: 100, Cursor: cursor)));

        Assert.Equal([100, 100, 50], pages.Select(page => page.Items.Count));
        Assert.Equal(alarms.Select(alarm => alarm.Id).Reverse(), pages.SelectMany(page => page.Items).Select(alarm => alarm.Id));
        Assert.NotNull(pages[0].NextCursor);
        Assert.NotNull(pages[1].NextCursor);
        Assert.Null(pages[2].NextCursor);
    }

    [Fact]
    public async Task FilteredPagingKeepsEveryFilterAcrossPages()
    {
        var alarms = Enumerable.Range(1, 30)
            .Select(minute => Alarm(minute) with
            {
                State = minute % 3 == 0 ? AlarmState.Active : AlarmState.Cleared,
                DeviceId = minute % 2 == 0 ? "dev-0002" : "dev-0001",
            })
            .ToList();
        await Task.WhenAll(alarms.Select(alarm => Catalog.UpsertAsync(alarm)));

        var active = await CatalogPaging.ListAllAsync(cursor =>
            Catalog.ListAsync(new AlarmQuery(States: [AlarmState.Active], Limit: 4, Cursor: cursor)));
        var activeOnDevice2 = await CatalogPaging.ListAllAsync(cursor =>
            Catalog.ListAsync(new AlarmQuery(States: [AlarmState.Active], DeviceId: "dev-0002", Limit: 2, Cursor: cursor)));

        Assert.Equal([4, 4, 2], active.Select(page => page.Items.Count));
        Assert.Equal(
            Enumerable.Range(1, 10).Reverse().Select(n => alarms[(n * 3) - 1].Id),
            active.SelectMany(page => page.Items).Select(alarm => alarm.Id));
        Assert.Null(active[^1].NextCursor);
        Assert.Equal([2, 2, 1], activeOnDevice2.Select(page => page.Items.Count));
        Assert.Equal(
            new[] { 30, 24, 18, 12, 6 }.Select(minute => alarms[minute - 1].Id),
            activeOnDevice2.SelectMany(page => page.Items).Select(alarm => alarm.Id));
        Assert.Null(activeOnDevice2[^1].NextCursor);
    }

    [Fact]
    public async Task AlarmRaisedWhilePagingDoesNotShiftTheNextPage()
    {
        var alarms = Enumerable.Range(1, 5).Select(Alarm).ToList();
        await Task.WhenAll(alarms.Select(alarm => Catalog.UpsertAsync(alarm)));

        var first = await Catalog.ListAsync(new AlarmQuery(Limit: 2));
        await Catalog.UpsertAsync(Alarm(6));
        var second = await Catalog.ListAsync(new AlarmQuery(Limit: 2, Cursor: first.NextCursor));

        Assert.Equal([alarms[4].Id, alarms[3].Id], first.Items.Select(alarm => alarm.Id));
        Assert.Equal([alarms[2].Id, alarms[1].Id], second.Items.Select(alarm => alarm.Id));
    }

    [Fact]
    public async Task PageThatEndsExactlyAtTheLastRowHasNoNextCursor()
    {
        await Task.WhenAll(Enumerable.Range(1, 100).Select(minute => Catalog.UpsertAsync(Alarm(minute))));

        var page = await Catalog.ListAsync(new AlarmQuery(Limit: 100));

        Assert.Equal(100, page.Items.Count);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(5000, 1000)]
    public async Task LimitIsClampedBetweenOneAndOneThousand(int limit, int expectedCount)
    {
        await Task.WhenAll(Enumerable.Range(1, 1001).Select(minute => Catalog.UpsertAsync(Alarm(minute))));

        var page = await Catalog.ListAsync(new AlarmQuery(Limit: limit));

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
        var error = await Assert.ThrowsAsync<InvalidCursorException>(() => Catalog.ListAsync(new AlarmQuery(Cursor: cursor)));

        Assert.Equal("cursor", error.ParamName);
    }

    private async Task<List<string>> IdsAsync(AlarmQuery query) =>
        (await Catalog.ListAsync(query)).Items.Select(item => item.Id).ToList();
}
