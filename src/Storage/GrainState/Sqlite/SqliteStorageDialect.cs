using System.Data.Common;
using IotService.Storage.Sqlite;

namespace IotService.Storage.GrainState.Sqlite;

/// <summary>Grain state in <see cref="SqliteDatabase"/>; writes go through its group-committing writer.</summary>
public sealed class SqliteStorageDialect(SqliteDatabase database) : IRelationalStorageDialect
{
    public string CreateTableSql =>
        """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            payload BLOB NOT NULL,
            etag TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id));
        """;

    public string ReadSql =>
        "SELECT payload, etag FROM grain_state WHERE grain_type = @grain_type AND grain_id = @grain_id;";

    public string InsertSql =>
        """
        INSERT INTO grain_state (grain_type, grain_id, payload, etag, updated_at)
        VALUES (@grain_type, @grain_id, @payload, @new_etag, @updated_at)
        ON CONFLICT (grain_type, grain_id) DO NOTHING;
        """;

    public string UpdateSql =>
        """
        UPDATE grain_state SET payload = @payload, etag = @new_etag, updated_at = @updated_at
        WHERE grain_type = @grain_type AND grain_id = @grain_id AND etag = @etag;
        """;

    public string DeleteSql =>
        "DELETE FROM grain_state WHERE grain_type = @grain_type AND grain_id = @grain_id AND etag = @etag;";

    public async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await database.OpenAsync(cancellationToken).ConfigureAwait(false);

    public Task<int> WriteAsync(Func<DbConnection, DbTransaction, int> write, CancellationToken cancellationToken) =>
        database.WriteAsync(write, cancellationToken);
}
