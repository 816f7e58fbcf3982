using IotService.TestSupport.History;

namespace IotService.Storage.Tests.History.Spool;

public sealed class WriteAheadSpoolCommitWindowTests
{
    [Fact]
    public async Task AppendsArrivingWithinTheCommitWindowShareOneFsync()
    {
        await using var harness = new SpoolHarness(commitWindowMilliseconds: 2_000);

        var first = harness.Spool.AppendAsync(TestPoints.Batch(0, 1), waitForDurable: true, default).AsTask();
        await Task.Delay(50);
        var second = harness.Spool.AppendAsync(TestPoints.Batch(1, 1), waitForDurable: true, default).AsTask();
        await Task.WhenAll(first, second).WaitAsync(TestTimeout.Signal);

        Assert.Equal((1, 2L), (harness.Spool.Stats.Fsyncs, harness.Spool.Stats.PendingRecords));
    }

    [Fact]
    public async Task WithoutAWindowAnAppendAloneIsCommittedAtOnce()
    {
        await using var harness = new SpoolHarness(commitWindowMilliseconds: 0);

        await harness.Spool.AppendAsync(TestPoints.Batch(0, 1), waitForDurable: true, default).AsTask().WaitAsync(TestTimeout.Signal);
        await harness.Spool.AppendAsync(TestPoints.Batch(1, 1), waitForDurable: true, default).AsTask().WaitAsync(TestTimeout.Signal);

        Assert.Equal(2, harness.Spool.Stats.Fsyncs);
    }

    [Fact]
    public async Task ACommitHoldingItsMaximumBytesGoesWithoutWaitingOutTheWindow()
    {
        // A window far longer than the test may take: only the byte limit can end these commits.
        await using var harness = new SpoolHarness(commitWindowMilliseconds: 30_000, commitMaxBytes: 4096);
        var big = TestPoints.Batch(0, 400);

        for (var i = 0; i < 5; i++)
        {
            await harness.Spool.AppendAsync(big, waitForDurable: true, default).AsTask().WaitAsync(TestTimeout.Signal);
        }

        Assert.Equal(5, harness.Spool.Stats.Fsyncs);
    }
}
