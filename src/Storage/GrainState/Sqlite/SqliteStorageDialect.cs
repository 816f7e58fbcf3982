using System.Data.Common;
using IotService.Storage.Sqlite;

namespace IotService.Storage.GrainState.Sqlite;

/// <summary>Grain state in <see cref="SqliteDatabase"/>; writes go through its group-committing writer.</summary>
public sealed class SqliteStorageDialect(SqliteDatabase database) : IRelationalStorageDialect
{
    private const string CreateTableSql =
        """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            payload BLOB NOT NULL,
            etag TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id));
        """;

    public string ReadSql => GrainStateSql.Read;

    public string InsertSql => GrainStateSql.Insert;

    public string UpdateSql => GrainStateSql.Update;

    public string DeleteSql => GrainStateSql.Delete;

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => database.ExecuteAsync(CreateTableSql, cancellationToken);

    /// <summary>A local file: there is no other hub to carry a failure to, and nothing to wait out.</summary>
    public bool IsUnavailable(Exception failure) => false;

    public async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await database.OpenAsync(cancellationToken).ConfigureAwait(false);

    public Task<int> WriteAsync(Func<DbConnection, DbTransaction, int> write, CancellationToken cancellationToken) =>
        database.WriteAsync(write, cancellationToken);
}
