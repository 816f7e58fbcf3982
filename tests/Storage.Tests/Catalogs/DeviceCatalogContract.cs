using System.Data.Common;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;
using IotService.Storage.Tests.Providers;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>What every device catalog does, on SQLite and on PostgreSQL alike.</summary>
public abstract class DeviceCatalogContract : StoreContract
{
    private IDeviceCatalog Catalog => Store.Devices;

    [Fact]
    public async Task UpsertedSummaryReadsBackWithTimesAtMillisecondPrecisionInUtc()
    {
        var shanghai = TimeSpan.FromHours(8);
        var summary = Device(1) with
        {
            Name = null,
            CustomerId = null,
            Lat = null,
            Lon = null,
            Status = DeviceStatus.Offline,
            Severity = Severity.Major,
            LastSeen = new DateTimeOffset(2026, 11, 23, 18, 0, 0, 123, shanghai).AddTicks(4567),
            RegisteredAt = new DateTimeOffset(2026, 10, 1, 8, 30, 0, 5, shanghai).AddTicks(9999),
            UpdatedAt = new DateTimeOffset(2026, 11, 23, 18, 0, 1, 999, shanghai).AddTicks(1),
        };
        await Catalog.UpsertAsync(summary);

        var read = await Catalog.GetAsync("dev-0001");

        var expected = summary with
        {
            LastSeen = DateTimeOffset.Parse("2026-11-23T10:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture),
            RegisteredAt = DateTimeOffset.Parse("2026-10-01T00:30:00.005Z", System.Globalization.CultureInfo.InvariantCulture),
            UpdatedAt = DateTimeOffset.Parse("2026-11-23T10:00:01.999Z", System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, read);
        Assert.Equal(TimeSpan.Zero, read!.LastSeen!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, read.RegisteredAt.Offset);
        Assert.Equal(TimeSpan.Zero, read.UpdatedAt.Offset);
    }

    [Fact]
    public async Task UnknownDeviceReadsAsNull() => Assert.Null(await Catalog.GetAsync("dev-9999"));

    [Fact]
    public async Task NewerUpsertReplacesTheRowAndOlderOneIsIgnored()
    {
        await Catalog.UpsertAsync(Device(1));
        await Catalog.UpsertAsync(Device(1) with { Severity = Severity.Critical, UpdatedAt = T0.AddSeconds(5) });
        await Catalog.UpsertAsync(Device(1) with { Severity = Severity.Warning, UpdatedAt = T0.AddSeconds(4) });

        var read = await Catalog.GetAsync("dev-0001");

        Assert.Equal(Severity.Critical, read!.Severity);
        Assert.Equal(T0.AddSeconds(5), read.UpdatedAt);
    }

    [Fact]
    public async Task PagingThrough250RowsWithLimit100GivesThreePagesInIdOrder()
    {
        // Inserted out of order, so only ORDER BY can put them right.
        await Catalog.UpsertManyAsync(Enumerable.Range(1, 250).Reverse().Select(Device).ToList());

        var pages = await ListAllAsync(new DeviceQuery(Limit: 100));

        Assert.Equal([100, 100, 50], pages.Select(page => page.Items.Count));
        Assert.Equal(
            Enumerable.Range(1, 250).Select(number => $"dev-{number:D4}"),
            pages.SelectMany(page => page.Items).Select(item => item.Id));
        Assert.NotNull(pages[0].NextCursor);
        Assert.NotNull(pages[1].NextCursor);
        Assert.Null(pages[2].NextCursor);
    }

    [Fact]
    public async Task PageThatEndsExactlyAtTheLastRowHasNoNextCursor()
    {
        await Catalog.UpsertManyAsync(Enumerable.Range(1, 100).Select(Device).ToList());

        var page = await Catalog.ListAsync(new DeviceQuery(Limit: 100));

        Assert.Equal(100, page.Items.Count);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(5000, 1000)]
    public async Task LimitIsClampedBetweenOneAndOneThousand(int limit, int expectedCount)
    {
        await Catalog.UpsertManyAsync(Enumerable.Range(1, 1001).Select(Device).ToList());

        var page = await Catalog.ListAsync(new DeviceQuery(Limit: limit));

        Assert.Equal(expectedCount, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task FiltersMatchOnlyTheirRowsAndCombineWithAnd()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1),
            Device(2) with { Severity = Severity.Critical },
            Device(3) with { Severity = Severity.Major, Status = DeviceStatus.Offline },
            Device(4) with { Severity = Severity.Critical, CustomerId = "cust-2" },
            Device(5) with { ModelId = "purifier-p", CustomerId = null, Status = DeviceStatus.Unknown },
        ]);

        Assert.Equal(["dev-0002", "dev-0004"], await IdsAsync(new DeviceQuery(Severities: [Severity.Critical])));
        Assert.Equal(["dev-0002", "dev-0003", "dev-0004"], await IdsAsync(new DeviceQuery(Severities: [Severity.Major, Severity.Critical])));
        Assert.Equal(["dev-0003", "dev-0005"], await IdsAsync(new DeviceQuery(Statuses: [DeviceStatus.Offline, DeviceStatus.Unknown])));
        Assert.Equal(["dev-0004"], await IdsAsync(new DeviceQuery(CustomerId: "cust-2")));
        Assert.Equal(["dev-0005"], await IdsAsync(new DeviceQuery(ModelId: "purifier-p")));
        Assert.Equal(["dev-0002"], await IdsAsync(new DeviceQuery(Severities: [Severity.Critical], CustomerId: "cust-1")));
        Assert.Equal(["dev-0001", "dev-0002", "dev-0003", "dev-0004", "dev-0005"], await IdsAsync(new DeviceQuery(Severities: [], Statuses: [])));
        Assert.Empty(await IdsAsync(new DeviceQuery(Statuses: [DeviceStatus.Online], ModelId: "purifier-p")));
    }

    [Fact]
    public async Task FilteredPagingKeepsTheFilterAcrossPages()
    {
        await Catalog.UpsertManyAsync(Enumerable.Range(1, 30)
            .Select(number => Device(number) with { Severity = number % 3 == 0 ? Severity.Critical : Severity.None })
            .ToList());

        var pages = await ListAllAsync(new DeviceQuery(Severities: [Severity.Critical], Limit: 4));

        Assert.Equal([4, 4, 2], pages.Select(page => page.Items.Count));
        Assert.Equal(
            Enumerable.Range(1, 10).Select(number => $"dev-{number * 3:D4}"),
            pages.SelectMany(page => page.Items).Select(item => item.Id));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("abc")]
    [InlineData("aGVsbG8")]
    [InlineData("azE6")]
    public async Task GarbageCursorIsRefusedAsInvalid(string cursor)
    {
        var error = await Assert.ThrowsAsync<InvalidCursorException>(() => Catalog.ListAsync(new DeviceQuery(Cursor: cursor)));

        Assert.Equal("cursor", error.ParamName);
        Assert.StartsWith("The cursor is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedSinceReturnsRowsUpdatedAtOrAfterTheInstantToTheMillisecond()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1) with { UpdatedAt = T0.AddMilliseconds(999) },
            Device(2) with { UpdatedAt = T0.AddMilliseconds(1000) },
            Device(3) with { UpdatedAt = T0.AddMilliseconds(1001) },
        ]);

        var changed = await Catalog.ChangedSinceAsync(T0.AddMilliseconds(1000));

        Assert.Equal(["dev-0002", "dev-0003"], changed.Select(summary => summary.Id));
    }

    [Fact]
    public async Task SilentOnlineListsOnlineDevicesLastSeenBeforeTheInstantLongestSilentFirst()
    {
        await Catalog.UpsertManyAsync(
        [
            Device(1) with { LastSeen = T0.AddMinutes(-10) },
            Device(2) with { LastSeen = T0.AddMinutes(-30) },
            Device(3) with { LastSeen = T0.AddMinutes(-1) },
            Device(4) with { LastSeen = T0.AddMinutes(-60), Status = DeviceStatus.Offline },
            Device(5) with { LastSeen = null },
            Device(6) with { LastSeen = T0.AddMinutes(-5) },
        ]);

        Assert.Equal(["dev-0002", "dev-0001"], await Catalog.SilentOnlineAsync(T0.AddMinutes(-5), limit: 10));
        Assert.Equal(["dev-0002"], await Catalog.SilentOnlineAsync(T0.AddMinutes(-5), limit: 1));
    }

    [Fact]
    public async Task ActivationCodeFindsItsDeviceAndUnknownOrEmptyCodesFindNothing()
    {
        await Catalog.UpsertManyAsync([Device(1), Device(2), Device(3) with { ActivationCode = "" }, Device(4) with { ActivationCode = "" }]);

        Assert.Equal("dev-0002", (await Catalog.FindByActivationCodeAsync("ACT-0002"))?.Id);
        Assert.Null(await Catalog.FindByActivationCodeAsync("ACT-9999"));
        Assert.Null(await Catalog.FindByActivationCodeAsync(""));
    }

    [Fact]
    public async Task UpsertManyIsOneTransactionSoADuplicateActivationCodeWritesNothing()
    {
        await Catalog.UpsertAsync(Device(1));

        await Assert.ThrowsAnyAsync<DbException>(() => Catalog.UpsertManyAsync(
            [Device(2), Device(3) with { ActivationCode = "ACT-0001" }, Device(4)]));

        Assert.Null(await Catalog.GetAsync("dev-0002"));
        Assert.Null(await Catalog.GetAsync("dev-0004"));
        Assert.Equal(["dev-0001"], await IdsAsync(new DeviceQuery()));
    }

    [Fact]
    public async Task ConcurrentSingleUpsertsAllLand()
    {
        await Task.WhenAll(Enumerable.Range(1, 200).Select(number => Task.Run(() => Catalog.UpsertAsync(Device(number)))));

        var page = await Catalog.ListAsync(new DeviceQuery(Limit: 1000));

        Assert.Equal(200, page.Items.Count);
    }

    private async Task<List<string>> IdsAsync(DeviceQuery query) =>
        (await Catalog.ListAsync(query)).Items.Select(item => item.Id).ToList();

    private async Task<List<Page<DeviceSummary>>> ListAllAsync(DeviceQuery query)
    {
        var pages = new List<Page<DeviceSummary>>();
        string? cursor = null;
        do
        {
            var page = await Catalog.ListAsync(query with { Cursor = cursor });
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 100);

        return pages;
    }
}
