using IotService.Storage.Catalogs.Relational;
using IotService.Storage.Postgres;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>
/// JSON documents (models, customers, technicians, accounts) in the <c>documents</c> table of the
/// <see cref="PostgresDatabase"/>, listed by id with keyset paging. The JSON is kept as the text it was given.
/// </summary>
public sealed class PostgresDocumentCatalog(PostgresDatabase database) : IDocumentCatalog
{
    /// <remarks>A document older than the stored one (smaller <paramref name="updatedAt"/>) is ignored.</remarks>
    public Task UpsertAsync(string kind, string id, string json, DateTimeOffset updatedAt, CancellationToken cancellationToken = default) =>
        PostgresCommands.ExecuteAsync(
            database,
            DocumentTable.Upsert,
            [("@kind", kind), ("@id", id), ("@json", json), ("@updated_at", updatedAt.ToUnixTimeMilliseconds())],
            cancellationToken);

    public async Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DocumentTable.Get, [("@kind", kind), ("@id", id)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].Json;
    }

    public async Task<Page<string>> ListAsync(string kind, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var after = KeysetCursor.Decode(cursor);
        limit = KeysetCursor.ClampLimit(limit);
        var rows = await QueryAsync(DocumentTable.List, [("@kind", kind), ("@after", after), ("@limit", limit + 1)], cancellationToken)
            .ConfigureAwait(false);

        var page = KeysetCursor.ToPage(rows, limit, row => row.Id);
        return new Page<string>(page.Items.Select(row => row.Json).ToList(), page.NextCursor);
    }

    public async Task<IReadOnlyList<string>> ChangedSinceAsync(string kind, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DocumentTable.ChangedSince, [("@kind", kind), ("@since", since.ToUnixTimeMilliseconds())], cancellationToken)
            .ConfigureAwait(false);
        return rows.ConvertAll(row => row.Json);
    }

    private Task<List<(string Id, string Json)>> QueryAsync(string sql, (string, object)[] parameters, CancellationToken cancellationToken) =>
        PostgresCommands.QueryAsync(database, sql, parameters, DocumentTable.Read, cancellationToken);
}
