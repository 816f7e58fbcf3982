using IotService.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotService.Storage.Tests.Sqlite;

public sealed class GroupCommitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WritesQueuedWhileACommitIsInFlightShareTheNextCommit()
    {
        var session = new RecordingSession();
        await using var commit = new GroupCommit<RecordingSession>(session, maxGroupWeight: 100, NullLogger.Instance);
        using var release = new SemaphoreSlim(0);
        session.HoldCommit = release;

        var first = commit.WriteAsync(s => Record(s, "first"), 1, default);
        Assert.True(await session.CommitStarted.WaitAsync(Wait));
        var queued = Enumerable.Range(0, 5).Select(i => commit.WriteAsync(s => Record(s, "w" + i), 1, default)).ToList();
        release.Release();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal([["first"], ["w0", "w1", "w2", "w3", "w4"]], session.Committed);
    }

    [Fact]
    public async Task AGroupIsCommittedOnceItReachesItsWeight()
    {
        var session = new RecordingSession();
        await using var commit = new GroupCommit<RecordingSession>(session, maxGroupWeight: 10, NullLogger.Instance);
        using var release = new SemaphoreSlim(0);
        session.HoldCommit = release;

        var first = commit.WriteAsync(s => Record(s, "first"), 1, default);
        Assert.True(await session.CommitStarted.WaitAsync(Wait));
        var heavy = Enumerable.Range(0, 4).Select(i => commit.WriteAsync(s => Record(s, "h" + i), 4, default)).ToList();
        release.Release();
        await Task.WhenAll([first, .. heavy]);

        Assert.Equal([["first"], ["h0", "h1", "h2"], ["h3"]], session.Committed);
    }

    [Fact]
    public async Task OneFailingWriteFailsAloneAndTheOthersOfItsGroupCommit()
    {
        var session = new RecordingSession();
        await using var commit = new GroupCommit<RecordingSession>(session, maxGroupWeight: 100, NullLogger.Instance);
        using var release = new SemaphoreSlim(0);
        session.HoldCommit = release;

        var first = commit.WriteAsync(s => Record(s, "first"), 1, default);
        Assert.True(await session.CommitStarted.WaitAsync(Wait));
        var good = commit.WriteAsync(s => Record(s, "good"), 1, default);
        var bad = commit.WriteAsync(_ => throw new InvalidOperationException("constraint"), 1, default);
        var after = commit.WriteAsync(s => Record(s, "after"), 1, default);
        release.Release();

        await Task.WhenAll(first, good, after);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal([["first"], ["good"], ["after"]], session.Committed);
    }

    [Fact]
    public async Task AWriteWhoseCallerGaveUpBeforeItsTurnIsDropped()
    {
        var session = new RecordingSession();
        await using var commit = new GroupCommit<RecordingSession>(session, maxGroupWeight: 100, NullLogger.Instance);
        using var release = new SemaphoreSlim(0);
        session.HoldCommit = release;
        using var cancel = new CancellationTokenSource();

        var first = commit.WriteAsync(s => Record(s, "first"), 1, default);
        Assert.True(await session.CommitStarted.WaitAsync(Wait));
        var dropped = commit.WriteAsync(s => Record(s, "dropped"), 1, cancel.Token);
        var kept = commit.WriteAsync(s => Record(s, "kept"), 1, default);
        await cancel.CancelAsync();
        release.Release();

        await Task.WhenAll(first, kept);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped);
        Assert.Equal([["first"], ["kept"]], session.Committed);
    }

    private static long Record(RecordingSession session, string what)
    {
        session.Record(what);
        return 1;
    }
}
