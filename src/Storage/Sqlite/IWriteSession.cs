namespace IotService.Storage.Sqlite;

/// <summary>
/// The one writer connection of a SQLite file as <see cref="GroupCommit{TSession}"/> drives it: every queued write of a
/// group runs between one <see cref="Begin"/> and one <see cref="Commit"/>, on the group-commit loop's thread only.
/// </summary>
public interface IWriteSession
{
    void Begin();

    void Commit();

    /// <summary>Rolls back what the open transaction did; must not throw when the database already rolled back.</summary>
    void Rollback();
}
