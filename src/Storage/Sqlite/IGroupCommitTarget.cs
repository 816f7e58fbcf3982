namespace IotService.Storage.Sqlite;

/// <summary>What <see cref="GroupCommit{TSession}"/> needs of the file it writes: a session, and upkeep between groups.</summary>
public interface IGroupCommitTarget<TSession>
    where TSession : IWriteSession
{
    /// <summary>The session for the next group, opened (again) when there is none or the last one broke.</summary>
    ValueTask<TSession> SessionAsync();

    /// <summary>Whether there is work to do on the writer while no write waits (history: merging its recent tier).</summary>
    bool WantsUpkeep { get; }

    /// <summary>Does one bounded piece of upkeep in a transaction of its own.</summary>
    /// <param name="lastGroupWeight">Rows the last group wrote, so upkeep can keep pace with writes.</param>
    /// <returns>False after a failure, so it waits for the next write group instead of retrying in a tight loop.</returns>
    bool Upkeep(int lastGroupWeight);
}
