using IotService.TestSupport.History;
namespace IotService.Storage.Tests.History.Spool;

public sealed class WriteAheadSpoolDiskBoundTests
{
    [Fact]
    public async Task WhenFullDurableAppendsWaitForTheStoreAndOthersAreDroppedAndCounted()
    {
        var frame = SpoolFrames.Length(TestPoints.Batch(0, 20));
        var maxBytes = 8 + (3 * frame) + (frame / 2);
        await using var harness = new SpoolHarness(maxBytes: maxBytes);
        harness.Store.Available = false;
        await harness.StartForwarderAsync();
        for (var i = 0; i < 3; i++)
        {
            await harness.Spool.AppendAsync(TestPoints.Batch(i * 20, 20), true, default);
        }

        var waiting = harness.Spool.Writer.BackPressure.Next;
        var blocked = harness.Spool.AppendAsync(TestPoints.Batch(60, 20), true, default).AsTask();
        await waiting.WaitAsync(TestTimeout.Signal);
        await harness.Spool.AppendAsync(TestPoints.Batch(80, 20), waitForDurable: false, default);

        var retry = await harness.Clock.NextTimerAsync();
        var full = harness.Spool.Stats;
        Assert.False(blocked.IsCompleted);
        Assert.Equal(20, full.Dropped);
        Assert.Equal(3, full.PendingRecords);
        Assert.Equal(8 + (3 * frame), full.Bytes);

        harness.Store.Available = true;
        harness.Clock.Advance(retry);
        await blocked.WaitAsync(TestTimeout.Signal);
        await harness.Store.WhenReceived(80);
        await harness.StopForwarderAsync();

        TestPoints.AssertSame(TestPoints.Batch(0, 80), harness.Store.Received);
        var after = harness.Spool.Stats;
        Assert.Equal(20, after.Dropped);
        Assert.InRange(after.Bytes, 8, maxBytes);
        Assert.Equal(["000000000002.seg"], harness.SegmentFiles());
    }

    [Fact]
    public async Task ABatchThatCouldNeverFitIsRefusedAtOnce()
    {
        await using var harness = new SpoolHarness(maxBytes: 1024);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Spool.AppendAsync(TestPoints.Batch(0, 100), true, default).AsTask());

        Assert.Equal("batch", error.ParamName);
        Assert.Equal(0, harness.Spool.Stats.PendingRecords);
    }

    [Fact]
    public async Task DisposingFailsDurableAppendsStillWaitingForRoom()
    {
        var frame = SpoolFrames.Length(TestPoints.Batch(0, 20));
        var harness = new SpoolHarness(maxBytes: 8 + frame + (frame / 2));
        await harness.Spool.AppendAsync(TestPoints.Batch(0, 20), true, default);
        var waiting = harness.Spool.Writer.BackPressure.Next;
        var blocked = harness.Spool.AppendAsync(TestPoints.Batch(20, 20), true, default).AsTask();
        await waiting.WaitAsync(TestTimeout.Signal);

        await harness.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => blocked);
    }
}
