using System.Data.Common;
using IotService.Storage.Postgres;

namespace IotService.Storage.GrainState.Postgres;

/// <summary>
/// Grain state in <see cref="PostgresDatabase"/> (table <c>grain_state</c>, payload <c>bytea</c>), shared by every hub
/// of a cluster. Each write is its own short transaction: when two hubs write one grain from the same ETag, the
/// second's UPDATE waits for the first's row lock, then finds the ETag changed and matches no row, which the adapter
/// reports as <see cref="Orleans.Storage.InconsistentStateException"/>, as with SQLite.
/// </summary>
public sealed class PostgresStorageDialect(PostgresDatabase database) : IRelationalStorageDialect
{
    public string ReadSql => GrainStateSql.Read;

    public string InsertSql => GrainStateSql.Insert;

    public string UpdateSql => GrainStateSql.Update;

    public string DeleteSql => GrainStateSql.Delete;

    /// <summary>The table is a step of <see cref="PostgresMigrations"/>.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);

    public bool IsUnavailable(Exception failure) => PostgresFailures.IsDatabaseAway(failure);

    public async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await database.OpenAsync(cancellationToken).ConfigureAwait(false);

    public async Task<int> WriteAsync(Func<DbConnection, DbTransaction, int> write, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The adapter's work is one single-row statement, run synchronously because SQLite's writer thread needs it so.
        var result = write(connection, transaction);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }
}
