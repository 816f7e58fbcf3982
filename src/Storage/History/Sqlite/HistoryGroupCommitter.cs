using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.History.Sqlite;

/// <summary>
/// Runs every write of a history file on its one writer connection, committing whatever queued up while the
/// previous commit was being flushed as one transaction: one fsync for many callers.
/// </summary>
/// <remarks>
/// Between groups it merges a chunk of <c>telemetry_recent</c> into <c>telemetry</c> when
/// <see cref="RecentTier.WantsMerge"/>, at least as many rows as the group wrote, so merging keeps pace.
/// SQLite has one writer per file and, with <c>synchronous=FULL</c>, one fsync per commit; callers that each
/// committed alone would be capped by the disk's flush rate. The queue is unbounded because every caller
/// waits for its own commit: the pipeline's bounded channel in front of it is where back-pressure lives.
/// </remarks>
internal sealed partial class HistoryGroupCommitter : IAsyncDisposable
{
    private readonly Channel<HistoryWrite> _queue =
        Channel.CreateUnbounded<HistoryWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly HistoryWriteSession _session;
    private readonly int _maxGroupWeight;
    private readonly int _mergeChunkRows;
    private readonly ILogger _logger;
    private readonly Task _loop;

    /// <param name="session">The writer connection; the committer owns and disposes it.</param>
    /// <param name="maxGroupWeight">Rows after which a group is closed, so one commit stays short and the next group starts soon.</param>
    /// <param name="mergeChunkRows">Fewest rows one merge transaction moves.</param>
    /// <param name="logger">Receives failed groups and merges.</param>
    public HistoryGroupCommitter(HistoryWriteSession session, int maxGroupWeight, int mergeChunkRows, ILogger logger)
    {
        _session = session;
        _maxGroupWeight = maxGroupWeight;
        _mergeChunkRows = mergeChunkRows;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="work"/>; the task completes with its result once committed.</summary>
    public Task<long> WriteAsync(Func<HistoryWriteSession, long> work, int weight, CancellationToken cancellationToken)
    {
        var write = new HistoryWrite(work, weight, cancellationToken);
        return _queue.Writer.TryWrite(write) ? write.Completion : throw new ObjectDisposedException(nameof(SqliteHistoryStore));
    }

    /// <summary>Stops taking writes, commits those already queued and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _session.Dispose();
    }

    private async Task RunAsync()
    {
        var group = new List<HistoryWrite>();
        var mayMerge = true;
        while (true)
        {
            // Pending merge work goes on without waiting for writes, but not past shutdown.
            var merging = mayMerge && _session.Recent.WantsMerge && !_queue.Reader.Completion.IsCompleted;
            if (!merging && !await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                return;
            }

            var weight = 0;
            while (weight < _maxGroupWeight && _queue.Reader.TryRead(out var write))
            {
                if (!write.TryCancel())
                {
                    group.Add(write);
                    weight += write.Weight;
                }
            }

            if (group.Count > 0)
            {
                CommitGroup(group);
                group.Clear();
                mayMerge = true;
            }

            if (mayMerge && _session.Recent.WantsMerge)
            {
                // After a failure, wait for the next write group rather than retrying in a tight loop.
                mayMerge = TryMerge(Math.Max(_mergeChunkRows, weight));
            }
        }
    }

    private bool TryMerge(int rows)
    {
        try
        {
            _session.Begin();
            _session.Recent.Merge(_session, rows);
            _session.Commit();
            return true;
        }
        catch (Exception exception)
        {
            _session.Rollback();
            _session.Recent.StopMerging();
            LogMergeFailed(exception);
            return false;
        }
    }

    private void CommitGroup(List<HistoryWrite> group)
    {
        if (TryCommit(group, out var error))
        {
            group.ForEach(write => write.Complete());
            return;
        }

        if (group.Count == 1)
        {
            group[0].Fail(error);
            return;
        }

        // One failing write must not fail the writes it happened to share a transaction with.
        LogGroupReplayed(error, group.Count);
        foreach (var write in group)
        {
            if (TryCommit([write], out error))
            {
                write.Complete();
            }
            else
            {
                write.Fail(error);
            }
        }
    }

    private bool TryCommit(List<HistoryWrite> writes, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Exception? error)
    {
        try
        {
            _session.Begin();
            foreach (var write in writes)
            {
                write.Execute(_session);
            }

            _session.Commit();
            error = null;
            return true;
        }
        catch (Exception exception)
        {
            error = exception;
            _session.Rollback();
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Merging recent history rows failed; retrying after the next write")]
    private partial void LogMergeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} history writes failed; replaying each alone")]
    private partial void LogGroupReplayed(Exception exception, int count);
}
