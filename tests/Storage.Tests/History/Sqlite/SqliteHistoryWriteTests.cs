using IotService.Contracts.Telemetry;
using IotService.Storage.History;

namespace IotService.Storage.Tests.History.Sqlite;

public sealed class SqliteHistoryWriteTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly SqliteHistoryFiles _files = new(T0.AddHours(1));

    [Fact]
    public async Task ConcurrentWritesFromTwentyTasksAllLand()
    {
        var store = _files.Open();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(task => Task.Run(async () =>
        {
            for (var batch = 0; batch < 5; batch++)
            {
                var points = Enumerable.Range(batch * 10, 10).Select(i => Point($"d{task}", T0.AddSeconds(i), ("temp", task * 1000 + i), ("rpm", -i))).ToList();
                await store.WriteAsync(points, default);
            }
        })));

        for (var task = 0; task < 20; task++)
        {
            var temp = await store.QueryRawAsync(new HistoryQuery($"d{task}", "temp", T0, T0.AddHours(1)), default);
            var rpm = await store.QueryRawAsync(new HistoryQuery($"d{task}", "rpm", T0, T0.AddHours(1)), default);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => new RawPoint(T0.AddSeconds(i), task * 1000 + i)), temp);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => (double)-i), rpm.Select(p => p.Value));
        }
    }

    [Fact]
    public async Task DataSurvivesReopeningTheFile()
    {
        var first = _files.Open();
        await first.WriteAsync([Point("d1", T0, ("temp", 21.5)), Point("d1", T0.AddSeconds(1), ("temp", 22.25))], default);
        await first.DisposeAsync();

        var reopened = _files.Open();
        await reopened.WriteAsync([Point("d1", T0.AddSeconds(2), ("temp", 23))], default);

        var points = await reopened.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);
        Assert.Equal([new RawPoint(T0, 21.5), new RawPoint(T0.AddSeconds(1), 22.25), new RawPoint(T0.AddSeconds(2), 23)], points);
    }

    [Fact]
    public async Task AWriteIsCommittedWhenItsTaskCompletes()
    {
        var store = _files.Open();
        using var outsider = _files.Connect();

        await store.WriteAsync([Point("d1", T0, ("temp", 1.5), ("rpm", 1200))], default);

        using var command = outsider.CreateCommand();
        command.CommandText = """
            SELECT s.property, t.ts, t.value FROM telemetry t
            JOIN series s ON s.id = t.series ORDER BY s.property
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("rpm", T0.ToUnixTimeMilliseconds(), 1200.0), (reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
        Assert.True(reader.Read());
        Assert.Equal(("temp", T0.ToUnixTimeMilliseconds(), 1.5), (reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
        Assert.False(reader.Read());
    }

    [Fact]
    public async Task NonFiniteValuesAreRefusedAndNothingOfThatWriteIsStored()
    {
        var store = _files.Open();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.WriteAsync([Point("d1", T0, ("temp", 1)), Point("d1", T0.AddSeconds(1), ("temp", double.NaN))], default));

        Assert.Equal("points", error.ParamName);
        Assert.Empty(await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default));
    }

    [Fact]
    public async Task EachSeriesKeepsTheModelAndCustomerLastWrittenForItsDevice()
    {
        var store = _files.Open();
        await store.WriteAsync([new HistoryPoint("d1", "model-a", null, T0, [new PropertyReading("temp", 1), new PropertyReading("rpm", 2)])], default);
        await store.WriteAsync([new HistoryPoint("d1", "model-b", "cust-9", T0.AddSeconds(1), [new PropertyReading("temp", 3)])], default);

        using var connection = _files.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT property || '/' || model || '/' || customer FROM series WHERE device = 'd1' ORDER BY property";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        Assert.Equal(["rpm/model-b/cust-9", "temp/model-b/cust-9"], rows);
    }

    [Fact]
    public async Task AggregateIntervalsBeforeTheEpochAreFlooredLikeAfterIt()
    {
        var store = _files.Open();
        var epoch = DateTimeOffset.UnixEpoch;
        await store.WriteAsync([Point("d1", epoch.AddMinutes(-90), ("temp", 1)), Point("d1", epoch.AddMinutes(-30), ("temp", 3)), Point("d1", epoch.AddMinutes(30), ("temp", 8))], default);

        var buckets = await store.QueryAggregateAsync(new HistoryQuery("d1", "temp", epoch.AddHours(-3), epoch.AddHours(3)), TimeSpan.FromHours(1), default);

        Assert.Equal([new AggregatePoint(epoch.AddHours(-2), 1, 1, 1, 1), new AggregatePoint(epoch.AddHours(-1), 3, 3, 3, 1), new AggregatePoint(epoch, 8, 8, 8, 1)], buckets);
    }

    [Fact]
    public async Task IntervalsThatAreNotWholePositiveMillisecondsAreRefused()
    {
        var store = _files.Open();
        var query = new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAggregateAsync(query, TimeSpan.Zero, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAggregateAsync(query, TimeSpan.FromTicks(15_000), default));
    }

    [Fact]
    public async Task WritesAfterDisposeAreRefused()
    {
        var store = _files.Open();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync([Point("d1", T0, ("temp", 1))], default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _files.DisposeAsync().AsTask();

    private static HistoryPoint Point(string device, DateTimeOffset at, params (string Name, double Value)[] values)
        => new(device, "model-a", "cust-1", at, values.Select(v => new PropertyReading(v.Name, v.Value)).ToArray());
}
