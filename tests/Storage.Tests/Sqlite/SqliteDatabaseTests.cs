using IotService.Storage.Tests.GrainState;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private readonly TempDatabase _temp = new();

    public Task InitializeAsync() => _temp.Database.ExecuteAsync("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY);");

    public Task DisposeAsync() => _temp.DisposeAsync().AsTask();

    [Fact]
    public async Task FileIsInWalModeAndConnectionsSyncFully()
    {
        await using var connection = await _temp.Database.OpenAsync();

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(connection, "PRAGMA synchronous;"));
        Assert.Equal(10_000L, Scalar(connection, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task OneFailingWriteInAGroupFailsAloneAndItsNeighboursCommit()
    {
        using var writerBusy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // Holds the writer so that the next writes queue up and are committed as one group.
        var blocker = _temp.Database.WriteAsync((connection, transaction) =>
        {
            writerBusy.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return Insert(connection, transaction, 0);
        });
        writerBusy.Wait(TimeSpan.FromSeconds(30));
        var before = _temp.Database.WriteAsync((connection, transaction) => Insert(connection, transaction, 1));
        var duplicate = _temp.Database.WriteAsync((connection, transaction) => Insert(connection, transaction, 1));
        var after = _temp.Database.WriteAsync((connection, transaction) => Insert(connection, transaction, 2));
        release.Set();

        Assert.Equal(1, await blocker);
        Assert.Equal(1, await before);
        Assert.Equal(1, await after);
        var error = await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        await using var connection = await _temp.Database.OpenAsync();
        Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM t;"));
    }

    [Fact]
    public async Task WriteCancelledBeforeItRunsIsDroppedAndReportedCancelled()
    {
        using var writerBusy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var cancellation = new CancellationTokenSource();
        var blocker = _temp.Database.WriteAsync((connection, transaction) =>
        {
            writerBusy.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return 0;
        });
        writerBusy.Wait(TimeSpan.FromSeconds(30));
        var cancelled = _temp.Database.WriteAsync((connection, transaction) => Insert(connection, transaction, 7), cancellation.Token);
        await cancellation.CancelAsync();
        release.Set();

        await blocker;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await using var connection = await _temp.Database.OpenAsync();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM t;"));
    }

    private static int Insert(SqliteConnection connection, SqliteTransaction transaction, int key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO t (k) VALUES (@k);";
        command.Parameters.AddWithValue("@k", key);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
