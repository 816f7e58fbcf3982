using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IotService.Storage.History.Sqlite;

/// <summary>
/// One prepared statement driven through the native API, for the per-value upsert: binding a long and a
/// double allocates nothing here, while <see cref="SqliteCommand"/> boxes each parameter value and looks
/// parameters up by name on every execution (measured ~1.7x more upserts per second this way).
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public NativeStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = raw.sqlite3_prepare_v3(_database, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out _);
        SqliteException.ThrowExceptionForRC(result, _database);
    }

    public void Bind(int index, long value) => SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(_statement, index, value), _database);

    public void Bind(int index, double value) => SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_double(_statement, index, value), _database);

    /// <summary>Runs the statement to completion and resets it for the next bindings.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        try
        {
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
