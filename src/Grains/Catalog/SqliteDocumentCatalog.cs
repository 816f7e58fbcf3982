using IotService.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace IotService.Grains.Catalog;

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
        var updatedAtMs = updatedAt.ToUnixTimeMilliseconds();
        await _database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = DocumentCatalogSql.Upsert;
                command.Transaction = transaction;
                command.Parameters.AddWithValue("@kind", kind);
                command.Parameters.AddWithValue("@id", id);
                command.Parameters.AddWithValue("@json", json);
                command.Parameters.AddWithValue("@updated_at", updatedAtMs);
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DocumentCatalogSql.Get, [new("@kind", kind), new("@id", id)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0].Json;
    }

    public async Task<Page<string>> ListAsync(string kind, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var after = KeysetCursor.Decode(cursor);
        limit = KeysetCursor.ClampLimit(limit);
        var rows = await QueryAsync(
            DocumentCatalogSql.List,
            [new("@kind", kind), new("@after", after), new("@limit", limit + 1)],
            cancellationToken).ConfigureAwait(false);

        // One row past the page tells whether another page exists without a COUNT.
        var hasMore = rows.Count > limit;
        var page = rows.Take(limit).ToList();
        return new Page<string>(
            page.ConvertAll(row => row.Json),
            hasMore ? KeysetCursor.Encode(page[^1].Id) : null);
    }

    public async Task<IReadOnlyList<string>> ChangedSinceAsync(string kind, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(
            DocumentCatalogSql.ChangedSince,
            [new("@kind", kind), new("@since", since.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(row => row.Json);
    }

    // Every query selects json last, and id first when it selects two columns.
    private async Task<List<(string Id, string Json)>> QueryAsync(string sql, SqliteParameter[] parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string Id, string Json)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = reader.FieldCount - 1;
            rows.Add((last == 0 ? string.Empty : reader.GetString(0), reader.GetString(last)));
        }

        return rows;
    }
}
