namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>
/// SQL of the SQLite alarm catalog. Times are unix milliseconds (UTC); enums are their integer values; the whole
/// record is the <c>json</c> column, the others are copies of the fields lists filter on.
/// </summary>
internal static class AlarmCatalogSql
{
    // Every filter's index ends in id, so a filtered newest-first list walks it backwards in id order and LIMIT
    // stops early, instead of collecting every match and sorting it.
    public const string Schema =
        """
        CREATE TABLE IF NOT EXISTS alarms (
            id TEXT NOT NULL PRIMARY KEY,
            device_id TEXT NOT NULL,
            customer_id TEXT NULL,
            model_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            state INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            raised_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_alarms_state ON alarms (state, id);
        CREATE INDEX IF NOT EXISTS ix_alarms_severity ON alarms (severity, id);
        CREATE INDEX IF NOT EXISTS ix_alarms_device ON alarms (device_id, id);
        CREATE INDEX IF NOT EXISTS ix_alarms_customer ON alarms (customer_id, id);
        """;

    public const string Upsert =
        """
        INSERT INTO alarms (id, device_id, customer_id, model_id, rule_id, state, severity, raised_at, updated_at, json)
        VALUES (@id, @device_id, @customer_id, @model_id, @rule_id, @state, @severity, @raised_at, @updated_at, @json)
        ON CONFLICT (id) DO UPDATE SET
            device_id = excluded.device_id, customer_id = excluded.customer_id, model_id = excluded.model_id,
            rule_id = excluded.rule_id, state = excluded.state, severity = excluded.severity,
            raised_at = excluded.raised_at, updated_at = excluded.updated_at, json = excluded.json
        WHERE excluded.updated_at >= alarms.updated_at;
        """;

    public const string Get = "SELECT json FROM alarms WHERE id = @id;";

    // Filters follow as AND conditions; "1 = 1" leaves the first page, which has no keyset bound, valid SQL.
    public const string ListPrefix = "SELECT json FROM alarms WHERE 1 = 1";

    public const string ListSuffix = " ORDER BY id DESC LIMIT @limit;";
}
