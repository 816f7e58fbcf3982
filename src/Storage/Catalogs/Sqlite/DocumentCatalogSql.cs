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
}
