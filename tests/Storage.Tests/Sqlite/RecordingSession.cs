using IotService.Storage.Sqlite;

namespace IotService.Storage.Tests.Sqlite;

/// <summary>
/// A write session that records its transactions and can hold a commit until released, so a test decides exactly
/// what queues up while a commit is in flight. The real file is tested through <see cref="SqliteDatabase"/>.
/// </summary>
internal sealed class RecordingSession : IWriteSession, IGroupCommitTarget<RecordingSession>
{
    private readonly List<List<string>> _committed = [];
    private List<string>? _open;

    /// <summary>While set, the next commit waits for it (and signals <see cref="CommitStarted"/>).</summary>
    public SemaphoreSlim? HoldCommit { get; set; }

    public SemaphoreSlim CommitStarted { get; } = new(0);

    public IReadOnlyList<IReadOnlyList<string>> Committed { get { lock (_committed) { return [.. _committed]; } } }

    public void Begin() => _open = [];

    public void Record(string what) => (_open ?? throw new InvalidOperationException("no transaction")).Add(what);

    public void Commit()
    {
        if (HoldCommit is { } hold)
        {
            HoldCommit = null;
            CommitStarted.Release();
            hold.Wait(TimeSpan.FromSeconds(10));
        }

        lock (_committed)
        {
            _committed.Add(_open!);
        }

        _open = null;
    }

    public void Rollback() => _open = null;

    public ValueTask<RecordingSession> SessionAsync() => ValueTask.FromResult(this);
}
