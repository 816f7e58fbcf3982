using System.Data.Common;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.History.Sqlite;

/// <summary>
/// The single writer connection of a history file with its prepared upsert and series catalog.
/// Used by one thread at a time (the group-commit loop); every write runs inside <see cref="Begin"/>…<see cref="Commit"/>.
/// </summary>
internal sealed class HistoryWriteSession : IWriteSession, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly NativeStatement _upsert;
    private readonly SeriesCatalog _catalog = new();
    private SeriesRow[] _rows = new SeriesRow[4096];
    private SqliteTransaction? _transaction;
    private bool _stale;

    private HistoryWriteSession(SqliteConnection connection)
    {
        _connection = connection;
        _upsert = new NativeStatement(connection, HistorySchema.UpsertReading);
        _catalog.Load(connection);
    }

    /// <summary>Opens the file (creating it and its tables if needed) for writing.</summary>
    public static HistoryWriteSession Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, HistorySchema.WriterPragmas);
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
            if (version is not 0 and not 1 and not HistorySchema.Version)
            {
                throw new InvalidOperationException($"{connection.DataSource} has history schema version {version}; this build knows {HistorySchema.Version}.");
            }

            Execute(connection, version == 1 ? $"BEGIN; {HistorySchema.FromVersion1} {HistorySchema.Create} COMMIT;" : HistorySchema.Create);
            return new HistoryWriteSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public SqliteTransaction Transaction => _transaction ?? throw new InvalidOperationException("No write transaction is open.");

    public void Begin()
    {
        if (_stale)
        {
            _catalog.Load(_connection);
            _stale = false;
        }

        _transaction = _connection.BeginTransaction();
    }

    public void Commit()
    {
        Transaction.Commit();
        EndTransaction();
    }

    /// <summary>Rolls back (if the database has not already) and forgets what the transaction changed in memory.</summary>
    public void Rollback()
    {
        try
        {
            _transaction?.Rollback();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // SQLite may already have rolled back on its own, e.g. after an I/O error.
        }

        EndTransaction();

        // Reloaded before the next transaction rather than here, where a failure would have nowhere to go.
        _stale = true;
    }

    /// <summary>Upserts every value of <paramref name="points"/>; returns how many values that was.</summary>
    public long Upsert(IReadOnlyList<HistoryPoint> points)
    {
        var transaction = Transaction;
        var count = 0;
        foreach (var point in points)
        {
            var device = _catalog.Device(point, transaction);
            var timestamp = point.Timestamp.ToUnixTimeMilliseconds();
            foreach (var value in point.Values)
            {
                if (count == _rows.Length)
                {
                    Array.Resize(ref _rows, _rows.Length * 2);
                }

                _rows[count] = new SeriesRow(_catalog.SeriesId(point, device, value.Property, transaction), timestamp, value.Value, count);
                count++;
            }
        }

        var rows = _rows.AsSpan(0, count);
        rows.Sort();
        foreach (ref readonly var row in rows)
        {
            _upsert.Bind(1, row.Series);
            _upsert.Bind(2, row.Timestamp);
            _upsert.Bind(3, row.Value);
            _upsert.Execute();
        }

        return count;
    }

    /// <summary>A command on the writer connection, enlisted in the open transaction.</summary>
    public SqliteCommand CreateCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    public void Dispose()
    {
        EndTransaction();
        _upsert.Dispose();
        _connection.Dispose();
    }

    private void EndTransaction()
    {
        _transaction?.Dispose();
        _transaction = null;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
