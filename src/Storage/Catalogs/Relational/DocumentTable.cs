namespace IotService.Storage.Catalogs.Relational;

/// <summary>The statements on the <c>documents</c> table that SQLite and PostgreSQL share; <c>updated_at</c> is unix milliseconds (UTC).</summary>
internal static class DocumentTable
{
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

    /// <summary>Every statement selects json last, and id first when it selects two columns.</summary>
    public static (string Id, string Json) Read(System.Data.Common.DbDataReader reader)
    {
        var last = reader.FieldCount - 1;
        return (last == 0 ? string.Empty : reader.GetString(0), reader.GetString(last));
    }
}
