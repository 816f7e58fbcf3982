using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.Storage.History.Sqlite;

namespace IotService.Storage.Tests.History.Sqlite;

/// <summary>
/// Now is T0 + 31 days + 30 min, raw retention 30 days: the raw horizon is T0 + 24 h (rounded down to the hour).
/// Readings every 10 minutes from T0 + 21 h to T0 + 27 h: three hours fall out of raw retention, three stay.
/// </summary>
public sealed class SqliteHistoryRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Horizon = T0.AddHours(24);
    private readonly SqliteHistoryFiles _files = new(T0.AddDays(31).AddMinutes(30));

    [Fact]
    public async Task RetentionMovesOldRawReadingsIntoHourlyRollupsEqualToWhatTheyGave()
    {
        var store = await OpenWithReadingsAsync();

        await store.ApplyRetentionAsync(default);

        Assert.Empty(await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, Horizon), default));
        Assert.Equal(Readings(T0.AddHours(24), T0.AddHours(27), Temp), await store.QueryRawAsync(new HistoryQuery("d1", "temp", Horizon, T0.AddDays(2)), default));
        var expected = new[] { 21, 22, 23 }.Select(hour => Rollup("d1", "temp", T0.AddHours(hour), Temp))
            .Concat(new[] { 21, 22, 23 }.Select(hour => Rollup("d1", "rpm", T0.AddHours(hour), Rpm)))
            .Concat(new[] { 21, 22, 23 }.Select(hour => Rollup("d2", "temp", T0.AddHours(hour), Temp)))
            .OrderBy(row => row.Device, StringComparer.Ordinal).ThenBy(row => row.Property, StringComparer.Ordinal).ThenBy(row => row.Hour);
        Assert.Equal(expected, _files.ReadRollups());
    }

    [Fact]
    public async Task RunningRetentionAgainChangesNothing()
    {
        var store = await OpenWithReadingsAsync();
        await store.ApplyRetentionAsync(default);
        var rollups = _files.ReadRollups();
        var raw = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddDays(2)), default);

        await store.ApplyRetentionAsync(default);
        _files.Time.Advance(TimeSpan.FromMinutes(20));
        await store.ApplyRetentionAsync(default);

        Assert.Equal(rollups, _files.ReadRollups());
        Assert.Equal(raw, await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddDays(2)), default));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(24)]
    public async Task HourlyAggregatesReachingBeforeRawRetentionGiveTheSameBucketsAfterRawRowsAreGone(int hours)
    {
        var store = await OpenWithReadingsAsync();
        var query = new HistoryQuery("d1", "temp", T0.AddHours(18), T0.AddHours(30));
        var before = await store.QueryAggregateAsync(query, TimeSpan.FromHours(hours), default);

        await store.ApplyRetentionAsync(default);

        // With 3 h the bucket from T0 + 23 h adds one rolled-up hour to two raw ones.
        Assert.Equal(before, await store.QueryAggregateAsync(query, TimeSpan.FromHours(hours), default));
        Assert.Equal(6 * 6, before.Sum(bucket => bucket.Count));
    }

    [Fact]
    public async Task IntervalsFinerThanAnHourSeeOnlyTheRawReadingsThatAreLeft()
    {
        var store = await OpenWithReadingsAsync();

        await store.ApplyRetentionAsync(default);

        var buckets = await store.QueryAggregateAsync(new HistoryQuery("d1", "temp", T0, T0.AddDays(2)), TimeSpan.FromMinutes(30), default);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => Horizon.AddMinutes(30 * i)), buckets.Select(bucket => bucket.Start));
    }

    [Fact]
    public async Task ARawReadingWrittenLateForARolledUpHourIsAddedToThatHour()
    {
        var store = await OpenWithReadingsAsync();
        await store.ApplyRetentionAsync(default);

        await store.WriteAsync([Point("d1", T0.AddHours(21).AddMinutes(5), ("temp", 100))], default);
        await store.ApplyRetentionAsync(default);

        var hour = _files.ReadRollups().Single(row => row.Device == "d1" && row.Property == "temp" && row.Hour == T0.AddHours(21));
        var onTime = Rollup("d1", "temp", T0.AddHours(21), Temp);
        Assert.Equal(onTime with { Sum = onTime.Sum + 100, Max = 100, Count = 7 }, hour);
    }

    [Fact]
    public async Task RetentionInManySmallChunksGivesTheSameResultAsInOne()
    {
        var whole = await OpenWithReadingsAsync("whole.db");
        var chunked = await OpenWithReadingsAsync("chunked.db", new SqliteHistoryTuning(RetentionRowsPerChunk: 4, RetentionSeriesPerChunk: 2));

        await whole.ApplyRetentionAsync(default);
        await chunked.ApplyRetentionAsync(default);

        Assert.Equal(9, _files.ReadRollups("chunked.db").Count);
        Assert.Equal(_files.ReadRollups("whole.db"), _files.ReadRollups("chunked.db"));
        Assert.Empty(await chunked.QueryRawAsync(new HistoryQuery("d2", "temp", T0, Horizon), default));
    }

    [Fact]
    public async Task HourlyAggregatesReadWhileRetentionRunsNeverCountAReadingTwiceOrMissIt()
    {
        var store = await OpenWithReadingsAsync(tuning: new SqliteHistoryTuning(RetentionRowsPerChunk: 1, RetentionSeriesPerChunk: 1));
        var query = new HistoryQuery("d1", "temp", T0.AddHours(18), T0.AddHours(30));
        var before = await store.QueryAggregateAsync(query, TimeSpan.FromHours(1), default);

        var retention = store.ApplyRetentionAsync(default);
        var reads = 0;
        do
        {
            Assert.Equal(before, await store.QueryAggregateAsync(query, TimeSpan.FromHours(1), default));
            reads++;
        }
        while (!retention.IsCompleted);

        await retention;
        Assert.Equal(before, await store.QueryAggregateAsync(query, TimeSpan.FromHours(1), default));
        Assert.True(reads > 1, $"only {reads} read(s) overlapped retention");
    }

    [Fact]
    public async Task RollupsOlderThanDownsampledRetentionAreDeleted()
    {
        var store = await OpenWithReadingsAsync();
        await store.ApplyRetentionAsync(default);

        // A day later, with rollups kept 31 days: yesterday's rollups go, the next three hours are rolled up.
        _files.Time.Advance(TimeSpan.FromDays(1));
        _files.Options.DownsampledRetentionDays = 31;
        await store.ApplyRetentionAsync(default);

        Assert.Equal([T0.AddHours(24), T0.AddHours(25), T0.AddHours(26)], _files.ReadRollups().Where(row => row.Device == "d1" && row.Property == "temp").Select(row => row.Hour));
        Assert.Empty(await store.QueryAggregateAsync(new HistoryQuery("d1", "temp", T0, Horizon), TimeSpan.FromHours(1), default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _files.DisposeAsync().AsTask();

    // Multiples of 1/4: sums are exact in any order, so rollups and raw aggregates compare exactly.
    private static double Temp(int i) => (i % 7) * 0.25 - 1;

    private static double Rpm(int i) => 1000 + (i % 5) * 50;

    private async Task<SqliteHistoryStore> OpenWithReadingsAsync(string name = "history.db", SqliteHistoryTuning? tuning = null)
    {
        var store = _files.Open(name, tuning);
        var points = new List<HistoryPoint>();
        for (var at = T0.AddHours(21); at < T0.AddHours(27); at = at.AddMinutes(10))
        {
            var i = Index(at);
            points.Add(Point("d1", at, ("temp", Temp(i)), ("rpm", Rpm(i))));
            points.Add(Point("d2", at, ("temp", Temp(i))));
        }

        await store.WriteAsync(points, default);
        return store;
    }

    private static int Index(DateTimeOffset at) => (int)(at - T0).TotalMinutes / 10;

    private static List<RawPoint> Readings(DateTimeOffset from, DateTimeOffset to, Func<int, double> value)
    {
        var points = new List<RawPoint>();
        for (var at = from; at < to; at = at.AddMinutes(10))
        {
            points.Add(new RawPoint(at, value(Index(at))));
        }

        return points;
    }

    private static RollupRow Rollup(string device, string property, DateTimeOffset hour, Func<int, double> value)
    {
        var values = Readings(hour, hour.AddHours(1), value).Select(point => point.Value).ToList();
        return new RollupRow(device, property, hour, values.Sum(), values.Min(), values.Max(), values.Count);
    }

    private static HistoryPoint Point(string device, DateTimeOffset at, params (string Name, double Value)[] values)
        => new(device, "model-a", "cust-1", at, values.Select(v => new PropertyReading(v.Name, v.Value)).ToArray());
}
