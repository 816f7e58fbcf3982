namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>
/// SQL of the SQLite work-order catalog. Times are unix milliseconds (UTC); enums are their integer values; the
/// whole record is the <c>json</c> column, the others are copies of the fields lists filter on.
/// </summary>
internal static class WorkOrderCatalogSql
{
    // Every filter's index ends in id, so a filtered newest-first list walks it backwards in id order and LIMIT
    // stops early, instead of collecting every match and sorting it.
    public const string Schema =
        """
        CREATE TABLE IF NOT EXISTS work_orders (
            id TEXT NOT NULL PRIMARY KEY,
            state INTEGER NOT NULL,
            device_id TEXT NOT NULL,
            customer_id TEXT NULL,
            technician_id TEXT NULL,
            alarm_id TEXT NULL,
            priority INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_work_orders_state ON work_orders (state, id);
        CREATE INDEX IF NOT EXISTS ix_work_orders_technician ON work_orders (technician_id, id);
        CREATE INDEX IF NOT EXISTS ix_work_orders_device ON work_orders (device_id, id);
        CREATE INDEX IF NOT EXISTS ix_work_orders_customer ON work_orders (customer_id, id);
        CREATE INDEX IF NOT EXISTS ix_work_orders_alarm ON work_orders (alarm_id, id);
        """;
}
