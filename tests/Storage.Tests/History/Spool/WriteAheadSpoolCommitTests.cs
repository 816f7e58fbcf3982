using IotService.TestSupport.History;
namespace IotService.Storage.Tests.History.Spool;

public sealed class WriteAheadSpoolCommitTests
{
    [Fact]
    public async Task ADurableAppendCompletesOnlyAfterItsFsyncAndWaitingAppendsShareTheNextOne()
    {
        await using var harness = new SpoolHarness();
        var inFirstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commits = 0;
        harness.Spool.Writer.BeforeCommit = () =>
        {
            if (Interlocked.Increment(ref commits) > 1)
            {
                return ValueTask.CompletedTask;
            }

            inFirstCommit.SetResult();
            return new ValueTask(releaseFirstCommit.Task);
        };

        var first = harness.Spool.AppendAsync(TestPoints.Batch(0, 1), waitForDurable: true, default).AsTask();
        await inFirstCommit.Task.WaitAsync(TestTimeout.Signal);
        var others = Enumerable.Range(1, 99).Select(i => harness.Spool.AppendAsync(TestPoints.Batch(i, 1), waitForDurable: true, default).AsTask()).ToList();
        var fireAndForget = harness.Spool.AppendAsync(TestPoints.Batch(100, 1), waitForDurable: false, default);

        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(others, t => t.IsCompleted);
        Assert.True(fireAndForget.IsCompletedSuccessfully);
        Assert.Equal(0, harness.Spool.Stats.Fsyncs);

        releaseFirstCommit.SetResult();
        await Task.WhenAll(others.Append(first)).WaitAsync(TestTimeout.Signal);

        // One fsync for the first append, one for the 100 that queued up behind it.
        var stats = harness.Spool.Stats;
        Assert.Equal(2, stats.Fsyncs);
        Assert.Equal(101, stats.PendingRecords);
    }

    [Fact]
    public async Task ManyConcurrentAppendersNeedFarFewerFsyncsThanAppends()
    {
        await using var harness = new SpoolHarness();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await harness.Spool.AppendAsync(TestPoints.Batch((w * 20) + i, 1), waitForDurable: true, default);
            }
        }))).WaitAsync(TestTimeout.Signal);

        var stats = harness.Spool.Stats;
        Assert.Equal(1000, stats.PendingRecords);
        Assert.InRange(stats.Fsyncs, 20, 500);
    }

    [Fact]
    public async Task AnEmptyBatchCompletesWithoutWritingAnything()
    {
        await using var harness = new SpoolHarness();

        await harness.Spool.AppendAsync([], waitForDurable: true, default);

        Assert.Equal(new(8, 0, 1, 0, null, null, true, 0, 0), harness.Spool.Stats);
    }

    [Fact]
    public async Task AppendingAfterDisposeThrows()
    {
        var harness = new SpoolHarness();
        await harness.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => harness.Spool.AppendAsync(TestPoints.Batch(0, 1), true, default).AsTask());
    }

    [Fact]
    public async Task OldestPendingIsWhenTheFirstUnforwardedRecordWasAppended()
    {
        await using var harness = new SpoolHarness();
        await harness.Spool.AppendAsync(TestPoints.Batch(0, 1), true, default);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Spool.AppendAsync(TestPoints.Batch(1, 1), true, default);

        Assert.Equal(ObservedClock.Start, harness.Spool.Stats.OldestPending);

        await harness.StartForwarderAsync();
        await harness.Store.WhenReceived(2);
        await harness.StopForwarderAsync();

        Assert.Null(harness.Spool.Stats.OldestPending);
        Assert.Equal(0, harness.Spool.Stats.PendingRecords);
    }
}
