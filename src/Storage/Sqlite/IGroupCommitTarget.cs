namespace IotService.Storage.Sqlite;

/// <summary>What <see cref="GroupCommit{TSession}"/> needs of the file it writes: the session to write on.</summary>
public interface IGroupCommitTarget<TSession>
    where TSession : IWriteSession
{
    /// <summary>The session for the next group, opened (again) when there is none or the last one broke.</summary>
    ValueTask<TSession> SessionAsync();
}
