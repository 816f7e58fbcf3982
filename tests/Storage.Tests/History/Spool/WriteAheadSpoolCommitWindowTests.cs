using IotService.TestSupport.History;

namespace IotService.Storage.Tests.History.Spool;

public sealed class WriteAheadSpoolCommitWindowTests
{
    [Fact]
    public async Task AppendsThatKeepArrivingWithinTheCommitWindowShareOneFsync()
    {
        await using var harness = new SpoolHarness(commitWindowMilliseconds: 2_000);
        var appends = new List<Task>();
        var naps = 0;
        harness.Spool.Writer.Nap = () =>
        {
            // Three more senders, one during each of the first naps; then nobody.
            if (++naps <= 3)
            {
                appends.Add(harness.Spool.AppendAsync(TestPoints.Batch(naps, 1), waitForDurable: true, default).AsTask());
            }
        };

        var first = harness.Spool.AppendAsync(TestPoints.Batch(0, 1), waitForDurable: true, default).AsTask();
        await first.WaitAsync(TestTimeout.Signal);
        await Task.WhenAll(appends).WaitAsync(TestTimeout.Signal);

        Assert.Equal((3, 1, 4L), (appends.Count, harness.Spool.Stats.Fsyncs, harness.Spool.Stats.PendingRecords));
    }

    [Fact]
    public async Task ALoneAppendDoesNotWaitOutTheWindow()
    {
        // A window far longer than the test may take: only the quiet nap can end this commit.
        await using var harness = new SpoolHarness(commitWindowMilliseconds: 30_000);

        await harness.Spool.AppendAsync(TestPoints.Batch(0, 1), waitForDurable: true, default).AsTask().WaitAsync(TestTimeout.Signal);

        Assert.Equal(1, harness.Spool.Stats.Fsyncs);
    }

    [Fact]
    public async Task AStreamThatNeverPausesIsCommittedWhenTheWindowEnds()
    {
        await using var harness = new SpoolHarness(commitWindowMilliseconds: 200);
        var appends = new List<Task>();
        var stopped = false;
        harness.Spool.Writer.Nap = () =>
        {
            // A sender during every nap until the first append is durable: no nap is ever quiet, only the window ends it.
            lock (appends)
            {
                if (!stopped)
                {
                    appends.Add(harness.Spool.AppendAsync(TestPoints.Batch(appends.Count + 1, 1), waitForDurable: true, default).AsTask());
                }
            }

            Thread.Sleep(1);
        };

        await harness.Spool.AppendAsync(TestPoints.Batch(0, 1), waitForDurable: true, default).AsTask().WaitAsync(TestTimeout.Signal);
        Task[] sent;
        lock (appends)
        {
            stopped = true;
            sent = [.. appends];
        }

        await Task.WhenAll(sent).WaitAsync(TestTimeout.Signal);
        Assert.NotEmpty(sent);
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
