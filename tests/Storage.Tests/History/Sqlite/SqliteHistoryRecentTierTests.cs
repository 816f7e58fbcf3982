using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.Storage.History.Sqlite;

namespace IotService.Storage.Tests.History.Sqlite;

/// <summary>Writes land in <c>telemetry_recent</c> and move into <c>telemetry</c>; readers see one reading per key.</summary>
public sealed class SqliteHistoryRecentTierTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly SqliteHistoryFiles _files = new(T0.AddHours(1));

    [Fact]
    public async Task RecentRowsMoveIntoTheMainTableOnceTheThresholdIsReached()
    {
        var store = _files.Open(tuning: new SqliteHistoryTuning(MergeThresholdRows: 10, MergeChunkRows: 100));

        await store.WriteAsync(Enumerable.Range(0, 4).Select(i => Point(T0.AddSeconds(i), i)).ToList(), default);
        Assert.Equal((0, 4), Rows());
        await store.WriteAsync(Enumerable.Range(4, 8).Select(i => Point(T0.AddSeconds(i), i)).ToList(), default);

        // The writer merges right after the commit that crossed the threshold, before it takes the next write.
        await store.WriteAsync([Point(T0.AddSeconds(12), 12)], default);
        Assert.Equal((12, 1), Rows());
        var points = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);
        Assert.Equal(Enumerable.Range(0, 13).Select(i => new RawPoint(T0.AddSeconds(i), i)), points);
    }

    [Fact]
    public async Task AReadingRewrittenAfterItWasMergedIsCountedOnceWithItsNewValue()
    {
        var store = _files.Open();
        await store.WriteAsync([Point(T0, 1), Point(T0.AddSeconds(1), 2), Point(T0.AddSeconds(2), 3)], default);
        await store.ApplyRetentionAsync(default);
        Assert.Equal((3, 0), Rows());

        await store.WriteAsync([Point(T0.AddSeconds(1), 20)], default);

        Assert.Equal((3, 1), Rows());
        var query = new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1));
        Assert.Equal([new RawPoint(T0, 1), new RawPoint(T0.AddSeconds(1), 20), new RawPoint(T0.AddSeconds(2), 3)], await store.QueryRawAsync(query, default));
        Assert.Equal([new AggregatePoint(T0, 8, 1, 20, 3)], await store.QueryAggregateAsync(query, TimeSpan.FromMinutes(1), default));
        Assert.Equal([new RawPoint(T0, 1), new RawPoint(T0.AddSeconds(1), 20)], await store.QueryRawAsync(query with { Limit = 2 }, default));

        await store.ApplyRetentionAsync(default);
        Assert.Equal((3, 0), Rows());
        Assert.Equal([new AggregatePoint(T0, 8, 1, 20, 3)], await store.QueryAggregateAsync(query, TimeSpan.FromMinutes(1), default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _files.DisposeAsync().AsTask();

    private (long Merged, long Recent) Rows()
    {
        using var connection = _files.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM telemetry), (SELECT count(*) FROM telemetry_recent)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static HistoryPoint Point(DateTimeOffset at, double temp) => new("d1", "model-a", "cust-1", at, [new PropertyReading("temp", temp)]);
}
