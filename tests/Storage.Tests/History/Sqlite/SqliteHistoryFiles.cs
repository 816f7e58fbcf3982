using IotService.Storage.History;
using IotService.Storage.History.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Storage.Tests.History.Sqlite;

/// <summary>A temporary folder for history files, the stores opened on them, and a fake clock; all cleaned up on dispose.</summary>
internal sealed class SqliteHistoryFiles : IAsyncDisposable
{
    private readonly List<SqliteHistoryStore> _stores = [];

    public SqliteHistoryFiles(DateTimeOffset now) => Time = new FakeTimeProvider(now);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "iot-tests", $"history-{Guid.NewGuid():N}");

    public FakeTimeProvider Time { get; }

    public HistoryOptions Options { get; } = new();

    public string PathOf(string name = "history.db") => Path.Combine(Folder, name);

    public SqliteHistoryStore Open(string name = "history.db", SqliteHistoryTuning? tuning = null)
    {
        var store = new SqliteHistoryStore(PathOf(name), Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<SqliteHistoryStore>.Instance, tuning ?? SqliteHistoryTuning.Default);
        _stores.Add(store);
        return store;
    }

    /// <summary>A plain connection of its own on a history file, outside the store.</summary>
    public SqliteConnection Connect(string name = "history.db")
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = PathOf(name), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Every hourly rollup in the file, by device, property and hour.</summary>
    public List<RollupRow> ReadRollups(string name = "history.db")
    {
        using var connection = Connect(name);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.device, s.property, h.hour_start, h.value_sum, h.value_min, h.value_max, h.value_count
            FROM telemetry_hourly h JOIN series s ON s.id = h.series
            ORDER BY s.device, s.property, h.hour_start
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<RollupRow>();
        while (reader.Read())
        {
            rows.Add(new RollupRow(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetInt64(6)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (System.IO.Directory.Exists(Folder))
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
    }
}
