namespace IotService.Storage.GrainState;

/// <summary>
/// The statements on the <c>grain_state</c> table that SQLite and PostgreSQL share (the parameters of
/// <see cref="IRelationalStorageDialect"/>). Each update and delete names the ETag it expects, so a writer holding a
/// stale one changes nothing and the adapter reports the conflict.
/// </summary>
internal static class GrainStateSql
{
    public const string Read =
        "SELECT payload, etag FROM grain_state WHERE grain_type = @grain_type AND grain_id = @grain_id;";

    public const string Insert =
        """
        INSERT INTO grain_state (grain_type, grain_id, payload, etag, updated_at)
        VALUES (@grain_type, @grain_id, @payload, @new_etag, @updated_at)
        ON CONFLICT (grain_type, grain_id) DO NOTHING;
        """;

    public const string Update =
        """
        UPDATE grain_state SET payload = @payload, etag = @new_etag, updated_at = @updated_at
        WHERE grain_type = @grain_type AND grain_id = @grain_id AND etag = @etag;
        """;

    public const string Delete =
        "DELETE FROM grain_state WHERE grain_type = @grain_type AND grain_id = @grain_id AND etag = @etag;";
}
