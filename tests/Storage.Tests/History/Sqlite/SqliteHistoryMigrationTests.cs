using IotService.Storage.History;

namespace IotService.Storage.Tests.History.Sqlite;

/// <summary>Files written by the version that landed writes in a recent tier open with every reading intact.</summary>
public sealed class SqliteHistoryMigrationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly SqliteHistoryFiles _files = new(T0.AddHours(1));

    [Fact]
    public async Task AVersionOneFileKeepsMergedAndRecentReadingsAndTheRecentRowWinsOnTheSameKey()
    {
        Directory.CreateDirectory(_files.Folder);
        using (var connection = _files.Connect())
        {
            Execute(connection, """
                CREATE TABLE series (id INTEGER PRIMARY KEY, device TEXT NOT NULL, property TEXT NOT NULL, model TEXT NOT NULL, customer TEXT, UNIQUE (device, property)) STRICT;
                CREATE TABLE telemetry (series INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY (series, ts)) STRICT, WITHOUT ROWID;
                CREATE TABLE telemetry_recent (series INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY (series, ts)) STRICT, WITHOUT ROWID;
                CREATE TABLE telemetry_hourly (series INTEGER NOT NULL, hour_start INTEGER NOT NULL, value_sum REAL NOT NULL, value_min REAL NOT NULL, value_max REAL NOT NULL, value_count INTEGER NOT NULL, PRIMARY KEY (series, hour_start)) STRICT, WITHOUT ROWID;
                PRAGMA user_version = 1;
                """);
            var t = T0.ToUnixTimeMilliseconds();
            Execute(connection, $"""
                INSERT INTO series VALUES (1, 'dev-1', 'temperature', 'chiller', NULL);
                INSERT INTO telemetry VALUES (1, {t}, 1), (1, {t + 1000}, 2);
                INSERT INTO telemetry_recent VALUES (1, {t + 1000}, 20), (1, {t + 2000}, 3);
                """);
        }

        var store = _files.Open();
        var points = await store.QueryRawAsync(new HistoryQuery("dev-1", "temperature", T0, T0.AddMinutes(1)), default);

        Assert.Equal([(0.0, 1.0), (1.0, 20.0), (2.0, 3.0)], points.Select(p => ((p.Timestamp - T0).TotalSeconds, p.Value)));
        using var check = _files.Connect();
        Assert.Equal(2L, Scalar(check, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(check, "SELECT count(*) FROM sqlite_master WHERE name = 'telemetry_recent'"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _files.DisposeAsync().AsTask();

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
