using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Sqlite;

/// <summary>A plain writer connection and its open transaction, for writes that bring their own SQL (grain state, catalogs).</summary>
public sealed class ConnectionWriteSession(SqliteConnection connection) : IWriteSession, IAsyncDisposable
{
    private SqliteTransaction? _transaction;

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction => _transaction ?? throw new InvalidOperationException("No write transaction is open.");

    /// <summary>Whether the connection broke (an I/O error closes it): the next group then opens a new one.</summary>
    public bool IsBroken => Connection.State != ConnectionState.Open;

    public void Begin() => _transaction = Connection.BeginTransaction();

    public void Commit()
    {
        Transaction.Commit();
        End();
    }

    public void Rollback()
    {
        try
        {
            _transaction?.Rollback();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // The database may already have rolled back on its own (e.g. after an I/O error).
        }

        End();
    }

    public async ValueTask DisposeAsync()
    {
        End();
        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private void End()
    {
        _transaction?.Dispose();
        _transaction = null;
    }
}
