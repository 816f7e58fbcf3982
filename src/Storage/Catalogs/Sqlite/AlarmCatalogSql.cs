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
}
