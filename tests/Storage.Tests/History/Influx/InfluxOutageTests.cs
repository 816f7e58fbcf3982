using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IotService.Contracts.Telemetry;
using IotService.Storage.History;

using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>InfluxDB away: the store says so quickly, and nothing is lost once it is back.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxOutageTests(InfluxServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NobodyListeningIsUnavailableAtOnce()
    {
        var store = InfluxStores.Create(InfluxStores.Options($"http://127.0.0.1:{InfluxServer.FreePort()}", "iot"));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.WriteAsync([Point(T0, 1)], default));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AServerThatNeverAnswersIsUnavailableAfterTheTimeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var options = InfluxStores.Options($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}", "iot");
        options.Influx.TimeoutSeconds = 0.3;
        var store = InfluxStores.Create(options);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.WriteAsync([Point(T0, 1)], default));

        Assert.Contains("did not answer within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ReadingsWrittenAgainAfterAnOutageAreAllStoredOnce()
    {
        var store = InfluxStores.Create(server, server.NewDatabase(), o => o.Influx.TimeoutSeconds = 2);
        var before = Enumerable.Range(0, 100).Select(i => Point(T0.AddSeconds(i), i)).ToList();
        var during = Enumerable.Range(100, 100).Select(i => Point(T0.AddSeconds(i), i)).ToList();
        await store.WriteAsync(before, default);

        await server.StopAsync();
        try
        {
            await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.WriteAsync(during, default));
            await Assert.ThrowsAsync<HistoryStoreUnavailableException>(() => store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddHours(1)), default));
        }
        finally
        {
            await server.StartAsync();
        }

        // What a spool does: the failed batch again, plus an overlap of readings already stored.
        await store.WriteAsync(during, default);
        await store.WriteAsync(before.TakeLast(10).ToList(), default);

        var stored = await store.QueryRawAsync(new HistoryQuery("d1", "temp", T0, T0.AddHours(1)), default);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (double)i), stored.Select(p => p.Value));
    }

    private static HistoryPoint Point(DateTimeOffset at, double value) => new("d1", "model-a", "cust-1", at, [new PropertyReading("temp", value)]);
}
