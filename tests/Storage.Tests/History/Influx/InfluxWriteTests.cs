using IotService.Contracts.Telemetry;
using IotService.Storage.History;

using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>How writes reach the real influxd: compressed, batched, and what happens to bad points.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxWriteTests(InfluxServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendsGzipCompressedBatchesOfAtMostFiveThousandLines()
    {
        using var handler = new RecordingHandler();
        using var client = new HttpClient(handler);
        var store = InfluxStores.Create(server, server.NewDatabase(), client: client);
        var points = Enumerable.Range(0, 12_001).Select(i => Point("d1", T0.AddMilliseconds(i * 10), ("temp", i))).ToList();

        await store.WriteAsync(points, default);

        var writes = handler.Requests.Where(r => r.IsWrite).ToList();
        Assert.Equal([5_000, 5_000, 2_001], writes.Select(w => w.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.All(writes, w => Assert.Equal(["gzip"], w.ContentEncoding));
        Assert.All(writes, w => Assert.Contains("precision=ms", w.Uri.Query, StringComparison.Ordinal));
        Assert.StartsWith("telemetry,customer=cust-1,device=d1,model=model-a temp=0 1795428000000\n", writes[0].Text(), StringComparison.Ordinal);
        var stored = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddHours(1), Limit: 100_000), default);
        Assert.Equal(Enumerable.Range(0, 12_001).Select(i => (double)i), stored.Select(p => p.Value));
    }

    [Fact]
    public async Task ANaNIsRefusedAndTheOtherPointsAreStored()
    {
        var store = InfluxStores.Create(server, server.NewDatabase());

        var error = await Assert.ThrowsAsync<HistoryWriteRejectedException>(() => store.WriteAsync(
            [Point("d1", T0, ("temp", 1)), Point("d1", T0.AddSeconds(1), ("temp", double.NaN)), Point("d1", T0.AddSeconds(2), ("temp", 3))], default));

        Assert.Equal(1, error.RejectedPoints);
        Assert.Null(error.StatusCode);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
        var stored = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);
        Assert.Equal([new RawPoint(T0, 1), new RawPoint(T0.AddSeconds(2), 3)], stored);
    }

    [Fact]
    public async Task APointInfluxDbRefusesIsReportedAsRejectedAndTheRestOfTheBatchIsStored()
    {
        var store = InfluxStores.Create(server, server.NewDatabase());

        // InfluxDB 1.x refuses a field called "time"; nothing the store can check locally.
        var error = await Assert.ThrowsAsync<HistoryWriteRejectedException>(() => store.WriteAsync(
            [Point("d1", T0, ("temp", 1)), Point("d1", T0.AddSeconds(1), ("time", 2)), Point("d1", T0.AddSeconds(2), ("temp", 3))], default));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("invalid field name", error.Message, StringComparison.Ordinal);
        var stored = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);
        Assert.Equal([new RawPoint(T0, 1), new RawPoint(T0.AddSeconds(2), 3)], stored);
    }

    [Fact]
    public async Task AFieldTypeConflictIsReportedAsRejected()
    {
        var database = server.NewDatabase();
        var store = InfluxStores.Create(server, database);
        await store.ApplyRetentionAsync(default);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, await server.WriteLinesAsync(database, "telemetry,device=d1,model=m temp=\"hot\" 1795428000000"));

        var error = await Assert.ThrowsAsync<HistoryWriteRejectedException>(() => store.WriteAsync([Point("d1", T0.AddSeconds(1), ("temp", 1))], default));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("field type conflict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseDroppedBehindTheStoresBackIsCreatedAgain()
    {
        var database = server.NewDatabase();
        var store = InfluxStores.Create(server, database);
        await store.WriteAsync([Point("d1", T0, ("temp", 1))], default);

        await server.ExecuteAsync(database, $"DROP DATABASE \"{database}\"");
        await store.WriteAsync([Point("d1", T0.AddSeconds(1), ("temp", 2))], default);

        var stored = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddMinutes(1)), default);
        Assert.Equal([new RawPoint(T0.AddSeconds(1), 2)], stored);
    }

    [Fact]
    public async Task PointsWithoutValuesAreSkipped()
    {
        using var handler = new RecordingHandler();
        using var client = new HttpClient(handler);
        var store = InfluxStores.Create(server, server.NewDatabase(), client: client);

        await store.WriteAsync([new HistoryPoint("d1", "m", null, T0, [])], default);

        Assert.DoesNotContain(handler.Requests, r => r.IsWrite);
    }

    private static HistoryPoint Point(string device, DateTimeOffset at, params (string Name, double Value)[] values)
        => new(device, "model-a", "cust-1", at, values.Select(v => new PropertyReading(v.Name, v.Value)).ToArray());
}
