using IotService.Storage.Catalogs.Relational;
using IotService.Storage.GrainState;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>JSON documents in the <c>documents</c> table of the state database, listed by id with keyset paging.</summary>
public sealed class SqliteDocumentCatalog : IDocumentCatalog
{
    private readonly SqliteDatabase _database;
    private readonly AsyncOnce _schema;

    public SqliteDocumentCatalog(SqliteDatabase database)
    {
        _database = database;
        _schema = new AsyncOnce(() => _database.ExecuteAsync(DocumentCatalogSql.Schema));
    }

    /// <remarks>A document older than the stored one (smaller <paramref name="updatedAt"/>) is ignored.</remarks>
    public async Task UpsertAsync(string kind, string id, string json, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await CatalogCommands.WriteAsync(
            _database,
            DocumentTable.Upsert,
            [("@kind", kind), ("@id", id), ("@json", json), ("@updated_at", updatedAt.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DocumentTable.Get, [new("@kind", kind), new("@id", id)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].Json;
    }

    public async Task<Page<string>> ListAsync(string kind, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var after = KeysetCursor.Decode(cursor);
        limit = KeysetCursor.ClampLimit(limit);
        var rows = await QueryAsync(
            DocumentTable.List,
            [new("@kind", kind), new("@after", after), new("@limit", limit + 1)],
            cancellationToken).ConfigureAwait(false);

        var page = KeysetCursor.ToPage(rows, limit, row => row.Id);
        return new Page<string>(page.Items.Select(row => row.Json).ToList(), page.NextCursor);
    }

    public async Task<IReadOnlyList<string>> ChangedSinceAsync(string kind, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            DocumentTable.ChangedSince,
            [new("@kind", kind), new("@since", since.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(row => row.Json);
    }

    private async Task<List<(string Id, string Json)>> QueryAsync(string sql, SqliteParameter[] parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.QueryAsync(
            _database,
            sql,
            parameters,
            DocumentTable.Read,
            cancellationToken).ConfigureAwait(false);
    }
}
