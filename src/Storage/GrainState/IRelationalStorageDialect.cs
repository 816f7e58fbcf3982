using System.Data.Common;

namespace IotService.Storage.GrainState;

/// <summary>
/// The database-specific half of <see cref="RelationalGrainStorage"/>: how to reach the database and the
/// SQL text for the one grain-state table. A dialect is added without touching the adapter.
/// </summary>
/// <remarks>
/// Statements use the named parameters <c>@grain_type</c>, <c>@grain_id</c>, <c>@payload</c> (bytes),
/// <c>@etag</c> (the ETag the caller holds), <c>@new_etag</c> and <c>@updated_at</c> (unix ms);
/// SQLite and Npgsql both accept that syntax.
/// </remarks>
public interface IRelationalStorageDialect
{
    /// <summary>Creates the table if it is missing; idempotent, and called before the first read or write.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Selects <c>payload, etag</c> of (<c>@grain_type</c>, <c>@grain_id</c>).</summary>
    string ReadSql { get; }

    /// <summary>Inserts a row with <c>@new_etag</c>; must affect no row (not fail) when the key already exists.</summary>
    string InsertSql { get; }

    /// <summary>Replaces payload and ETag of the row whose ETag equals <c>@etag</c>.</summary>
    string UpdateSql { get; }

    /// <summary>Deletes the row whose ETag equals <c>@etag</c>.</summary>
    string DeleteSql { get; }

    /// <summary>
    /// Whether <paramref name="failure"/> means the database is away for now (the adapter then throws
    /// <see cref="StateDatabaseUnavailableException"/>, which can cross hubs, in its place).
    /// </summary>
    bool IsUnavailable(Exception failure);

    /// <summary>Opens a connection for one read.</summary>
    Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> inside a transaction and completes with its result once that
    /// transaction is durable. The dialect decides how concurrent writes are serialised or grouped.
    /// </summary>
    Task<int> WriteAsync(Func<DbConnection, DbTransaction, int> write, CancellationToken cancellationToken);
}
