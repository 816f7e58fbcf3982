using System.Text.Json;
using IotService.TestSupport.History;

namespace IotService.Storage.Tests.History.Spool;

public sealed class SpoolForwarderTests
{
    [Fact]
    public async Task AppendedBatchesAreForwardedInOrderExactlyOnceWhenTheStoreIsUp()
    {
        await using var harness = new SpoolHarness();
        await harness.StartForwarderAsync();
        var batches = Enumerable.Range(0, 60).Select(i => TestPoints.Batch(i * 10, 1 + (i % 10))).ToList();

        for (var i = 0; i < batches.Count; i++)
        {
            await harness.Spool.AppendAsync(batches[i], waitForDurable: i % 2 == 0, default);
        }

        var total = batches.Sum(b => b.Length);
        await harness.Store.WhenReceived(total);
        await harness.StopForwarderAsync();

        TestPoints.AssertSame(batches.SelectMany(b => b), harness.Store.Received);
        Assert.Equal(total * 2, harness.Store.State.Count);
        Assert.Equal(0, harness.Spool.Stats.PendingRecords);
    }

    [Fact]
    public async Task SmallRecordsAreMergedIntoStoreWritesOfAboutFiveThousandPoints()
    {
        await using var harness = new SpoolHarness();
        for (var i = 0; i < 300; i++)
        {
            await harness.Spool.AppendAsync(TestPoints.Batch(i * 20, 20), waitForDurable: i == 299, default);
        }

        await harness.StartForwarderAsync();
        await harness.Store.WhenReceived(6000);
        await harness.StopForwarderAsync();

        Assert.Equal([5000, 1000], harness.Store.WriteSizes);
    }

    [Fact]
    public async Task WhileTheStoreIsDownNothingIsLostAndRetriesBackOffUntilItReturns()
    {
        await using var harness = new SpoolHarness();
        harness.Store.Available = false;
        await harness.StartForwarderAsync();
        var first = TestPoints.Batch(0, 3);
        var second = TestPoints.Batch(3, 4);
        await harness.Spool.AppendAsync(first, true, default);
        await harness.Spool.AppendAsync(second, true, default);

        var delays = new List<TimeSpan> { await harness.Clock.NextTimerAsync() };
        var down = harness.Spool.Stats;
        harness.Clock.Advance(delays[^1]);
        delays.Add(await harness.Clock.NextTimerAsync());
        harness.Clock.Advance(delays[^1]);
        delays.Add(await harness.Clock.NextTimerAsync());
        harness.Store.Available = true;
        harness.Clock.Advance(delays[^1]);
        await harness.Store.WhenReceived(7);
        await harness.StopForwarderAsync();

        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
        Assert.False(down.StoreReachable);
        Assert.Equal(FakeHistoryStore.DownMessage, down.LastForwardError);
        TestPoints.AssertSame(first.Concat(second), harness.Store.Received);
        Assert.Equal(14, harness.Store.State.Count);
        var up = harness.Spool.Stats;
        Assert.True(up.StoreReachable);
        Assert.Null(up.LastForwardError);
        Assert.Equal(0, up.PendingRecords);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("timeout")]
    [InlineData("unforeseen")]
    public async Task TransportFailuresAndTimeoutsAreRetriedLikeOutages(string failure)
    {
        await using var harness = new SpoolHarness();
        harness.Store = new FakeHistoryStore
        {
            Available = false,
            Outage = () => failure switch
            {
                "http" => new HttpRequestException("connection refused"),
                "timeout" => new TaskCanceledException("request timed out"),
                _ => new InvalidOperationException("surprise"),
            },
        };
        await harness.StartForwarderAsync();
        await harness.Spool.AppendAsync(TestPoints.Batch(0, 3), true, default);

        var retry = await harness.Clock.NextTimerAsync();
        Assert.False(harness.Spool.Stats.StoreReachable);
        harness.Store.Available = true;
        harness.Clock.Advance(retry);
        await harness.Store.WhenReceived(3);
        await harness.StopForwarderAsync();

        TestPoints.AssertSame(TestPoints.Batch(0, 3), harness.Store.Received);
    }

    [Fact]
    public async Task BackOffDoublesUpToThirtySeconds()
    {
        await using var harness = new SpoolHarness();
        harness.Store.Available = false;
        await harness.StartForwarderAsync();
        await harness.Spool.AppendAsync(TestPoints.Batch(0, 1), true, default);

        var delays = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            delays.Add((await harness.Clock.NextTimerAsync()).TotalSeconds);
            harness.Clock.Advance(TimeSpan.FromSeconds(delays[^1]));
        }

        Assert.Equal([0.5, 1, 2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Fact]
    public async Task APoisonReadingGoesToDeadLettersAndTheRestFlowsInOrder()
    {
        await using var harness = new SpoolHarness();
        harness.Store = new FakeHistoryStore { IsPoison = p => p.Values.Any(v => v.Value == -999) };
        var points = TestPoints.Batch(0, 30);
        points[13] = TestPoints.With(points[13], -999);
        await harness.Spool.AppendAsync(points[..10], true, default);
        await harness.Spool.AppendAsync(points[10..20], true, default);
        await harness.Spool.AppendAsync(points[20..], true, default);

        await harness.StartForwarderAsync();
        await harness.Store.WhenReceived(29);
        await harness.StopForwarderAsync();

        TestPoints.AssertSame(points.Where((_, i) => i != 13), harness.Store.Received);
        Assert.Equal(1, harness.Spool.Stats.DeadLetters);
        Assert.Equal(0, harness.Spool.Stats.PendingRecords);
        var deadLetters = System.IO.Directory.GetFiles(Path.Combine(harness.Folder, "rejected"));
        Assert.Equal(["2026-11-23.jsonl"], deadLetters.Select(Path.GetFileName));
        var line = Assert.Single(File.ReadAllLines(deadLetters[0]));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("dev-1", json.RootElement.GetProperty("device").GetString());
        Assert.Equal(points[13].Timestamp, json.RootElement.GetProperty("ts").GetDateTimeOffset());
        Assert.Equal(-999, json.RootElement.GetProperty("values").GetProperty("temperature").GetDouble());
        Assert.Equal("poison (test)", json.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ConsumedSegmentsAreDeletedAndOnlyTheOneBeingWrittenStays()
    {
        var batch = TestPoints.Batch(0, 20);
        var frame = SpoolFrames.Length(batch);
        await using var harness = new SpoolHarness(segmentBytes: 8 + (2 * frame));
        for (var i = 0; i < 10; i++)
        {
            await harness.Spool.AppendAsync(TestPoints.Batch(i * 20, 20), true, default);
        }

        Assert.Equal(["000000000001.seg", "000000000002.seg", "000000000003.seg", "000000000004.seg", "000000000005.seg"], harness.SegmentFiles());
        Assert.Equal(5, harness.Spool.Stats.Segments);
        Assert.Equal(5 * (8 + (2 * frame)), harness.Spool.Stats.Bytes);

        await harness.StartForwarderAsync();
        await harness.Store.WhenReceived(200);
        await harness.StopForwarderAsync();

        Assert.Equal(["000000000005.seg"], harness.SegmentFiles());
        Assert.Equal(1, harness.Spool.Stats.Segments);
        Assert.Equal(8 + (2 * frame), harness.Spool.Stats.Bytes);
    }
}
