using IotService.Contracts.Telemetry;
using IotService.Storage.History;

namespace IotService.Storage.Tests.History;

/// <summary>
/// What every history store must do, identically. A store's test class derives from this and
/// supplies a fresh, empty store; the same tests then run against SQLite and a real InfluxDB.
/// </summary>
public abstract class HistoryStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A store with no data in it, used by one test only.</summary>
    protected abstract Task<IHistoryStore> CreateStoreAsync();

    [Fact]
    public async Task WrittenPointsReadBackInTimeOrder()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync([Point("d1", T0.AddSeconds(2), ("temp", 2.5)), Point("d1", T0, ("temp", 1.25)), Point("d1", T0.AddSeconds(1), ("temp", -3))], default);

        var points = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);

        Assert.Equal([new RawPoint(T0, 1.25), new RawPoint(T0.AddSeconds(1), -3), new RawPoint(T0.AddSeconds(2), 2.5)], points);
    }

    [Fact]
    public async Task RangeIsFromInclusiveToExclusive()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync(Enumerable.Range(0, 5).Select(i => Point("d1", T0.AddSeconds(i), ("temp", i))).ToList(), default);

        var points = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0.AddSeconds(1), T0.AddSeconds(3)), default);

        Assert.Equal([1.0, 2.0], points.Select(p => p.Value));
    }

    [Fact]
    public async Task OnlyTheAskedDeviceAndPropertyAreReturned()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync([Point("d1", T0, ("temp", 1), ("rpm", 100)), Point("d2", T0, ("temp", 2)), Point("d1", T0.AddSeconds(1), ("rpm", 200))], default);

        var temp = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);
        var rpm = await store.QueryRawAsync(new HistoryQuery("d1", "rpm", T0, T0.AddMinutes(1)), default);

        Assert.Equal([new RawPoint(T0, 1)], temp);
        Assert.Equal([new RawPoint(T0, 100), new RawPoint(T0.AddSeconds(1), 200)], rpm);
    }

    [Fact]
    public async Task WritingTheSameReadingAgainOverwritesInsteadOfDuplicating()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync([Point("d1", T0, ("temp", 1))], default);
        await store.WriteAsync([Point("d1", T0, ("temp", 1))], default);
        await store.WriteAsync([Point("d1", T0, ("temp", 7))], default);

        var points = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);

        Assert.Equal([new RawPoint(T0, 7)], points);
    }

    [Fact]
    public async Task MillisecondTimestampsAndExtremeValuesRoundTripExactly()
    {
        var store = await CreateStoreAsync();
        var values = new[] { 0.1, -1e-300, 1e300, 123456789.123456789, double.Epsilon, 42 };
        await store.WriteAsync(values.Select((v, i) => Point("d1", T0.AddMilliseconds(i * 7 + 1), ("v", v))).ToList(), default);

        var points = await store.QueryRawAsync(new HistoryQuery("d1", "v", T0, T0.AddMinutes(1)), default);

        Assert.Equal(values.Select((v, i) => new RawPoint(T0.AddMilliseconds(i * 7 + 1), v)), points);
    }

    [Fact]
    public async Task AggregatesPerIntervalAreAlignedToTheEpochAndLeaveOutEmptyIntervals()
    {
        var store = await CreateStoreAsync();
        // 10:00:10, 10:00:20, 10:00:50 in the first minute; nothing in the second; 10:02:05 in the third.
        await store.WriteAsync(
        [
            Point("d1", T0.AddSeconds(10), ("temp", 1)),
            Point("d1", T0.AddSeconds(20), ("temp", 5)),
            Point("d1", T0.AddSeconds(50), ("temp", 3)),
            Point("d1", T0.AddSeconds(125), ("temp", -2)),
        ], default);

        var buckets = await store.QueryAggregateAsync(new HistoryQuery("d1", "temp", T0.AddSeconds(5), T0.AddMinutes(5)), TimeSpan.FromMinutes(1), default);

        Assert.Equal([new AggregatePoint(T0, 3, 1, 5, 3), new AggregatePoint(T0.AddMinutes(2), -2, -2, -2, 1)], buckets);
    }

    [Fact]
    public async Task LimitCapsTheNumberOfRawPointsFromTheStart()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync(Enumerable.Range(0, 50).Select(i => Point("d1", T0.AddSeconds(i), ("temp", i))).ToList(), default);

        var points = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(5), Limit: 10), default);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), points.Select(p => p.Value));
    }

    [Fact]
    public async Task LargeWritesAreStoredCompletely()
    {
        var store = await CreateStoreAsync();
        var points = Enumerable.Range(0, 12_000).Select(i => Point($"d{i % 3}", T0.AddMilliseconds(i * 10), ("temp", i), ("rpm", -i))).ToList();

        await store.WriteAsync(points, default);

        var d1 = await store.QueryRawAsync(new HistoryQuery("d1", "rpm", T0, T0.AddHours(1), Limit: 100_000), default);
        Assert.Equal(4_000, d1.Count);
        Assert.Equal(Enumerable.Range(0, 12_000).Where(i => i % 3 == 1).Select(i => (double)-i), d1.Select(p => p.Value));
    }

    [Fact]
    public async Task UnknownDeviceOrPropertyGivesAnEmptyAnswer()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync([Point("d1", T0, ("temp", 1))], default);

        Assert.Empty(await store.QueryRawAsync(new HistoryQuery("nobody", "temp", T0, T0.AddMinutes(1)), default));
        Assert.Empty(await store.QueryAggregateAsync(new HistoryQuery("d1", "nothing", T0, T0.AddMinutes(1)), TimeSpan.FromSeconds(10), default));
    }

    [Fact]
    public async Task NamesWithDotsDashesAndColonsAreKeptApart()
    {
        var store = await CreateStoreAsync();
        await store.WriteAsync([Point("site:a.b-1", T0, ("filter.life-pct", 80), ("filter_life_pct", 10))], default);

        var points = await store.QueryRawAsync(new HistoryQuery("site:a.b-1", "filter.life-pct", T0, T0.AddMinutes(1)), default);

        Assert.Equal([new RawPoint(T0, 80)], points);
    }

    protected static HistoryPoint Point(string device, DateTimeOffset at, params (string Name, double Value)[] values)
        => new(device, "model-a", "cust-1", at, values.Select(v => new PropertyReading(v.Name, v.Value)).ToArray());
}
