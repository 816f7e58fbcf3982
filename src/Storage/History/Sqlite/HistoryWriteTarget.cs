using IotService.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.History.Sqlite;

/// <summary>
/// A history file as its group commit writes it: one session, opened at start, and, between groups, merging a chunk of
/// <c>telemetry_recent</c> into <c>telemetry</c> when <see cref="RecentTier.WantsMerge"/> — at least as many rows as
/// the last group wrote, so merging keeps pace with ingest.
/// </summary>
internal sealed partial class HistoryWriteTarget(HistoryWriteSession session, int mergeChunkRows, ILogger logger) : IGroupCommitTarget<HistoryWriteSession>
{
    public bool WantsUpkeep => session.Recent.WantsMerge;

    public ValueTask<HistoryWriteSession> SessionAsync() => ValueTask.FromResult(session);

    public bool Upkeep(int lastGroupWeight)
    {
        try
        {
            session.Begin();
            session.Recent.Merge(session, Math.Max(mergeChunkRows, lastGroupWeight));
            session.Commit();
            return true;
        }
        catch (Exception exception)
        {
            session.Rollback();
            session.Recent.StopMerging();
            LogMergeFailed(exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Merging recent history rows failed; retrying after the next write")]
    private partial void LogMergeFailed(Exception exception);
}
