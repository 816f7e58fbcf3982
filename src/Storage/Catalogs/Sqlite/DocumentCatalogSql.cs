namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>SQL of the SQLite document catalog; <c>updated_at</c> is unix milliseconds (UTC).</summary>
internal static class DocumentCatalogSql
{
    public const string Schema =
        """
        CREATE TABLE IF NOT EXISTS documents (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            json TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (kind, id));
        CREATE INDEX IF NOT EXISTS ix_documents_updated ON documents (kind, updated_at);
        """;

    public const string Upsert =
        """
        INSERT INTO documents (kind, id, json, updated_at) VALUES (@kind, @id, @json, @updated_at)
        ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
        WHERE excluded.updated_at >= documents.updated_at;
        """;

    public const string Get = "SELECT json FROM documents WHERE kind = @kind AND id = @id;";

    public const string List = "SELECT id, json FROM documents WHERE kind = @kind AND id > @after ORDER BY id LIMIT @limit;";

    public const string ChangedSince =
        "SELECT json FROM documents WHERE kind = @kind AND updated_at >= @since ORDER BY updated_at, id;";
}
