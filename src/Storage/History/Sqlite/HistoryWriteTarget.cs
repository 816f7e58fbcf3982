using IotService.Storage.Sqlite;

namespace IotService.Storage.History.Sqlite;

/// <summary>A history file as its group commit writes it: the one session, opened at start.</summary>
internal sealed class HistoryWriteTarget(HistoryWriteSession session) : IGroupCommitTarget<HistoryWriteSession>
{
    public ValueTask<HistoryWriteSession> SessionAsync() => ValueTask.FromResult(session);
}
