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

    public const string Upsert =
        """
        INSERT INTO work_orders (id, state, device_id, customer_id, technician_id, alarm_id, priority, created_at, updated_at, json)
        VALUES (@id, @state, @device_id, @customer_id, @technician_id, @alarm_id, @priority, @created_at, @updated_at, @json)
        ON CONFLICT (id) DO UPDATE SET
            state = excluded.state, device_id = excluded.device_id, customer_id = excluded.customer_id,
            technician_id = excluded.technician_id, alarm_id = excluded.alarm_id, priority = excluded.priority,
            created_at = excluded.created_at, updated_at = excluded.updated_at, json = excluded.json
        WHERE excluded.updated_at >= work_orders.updated_at;
        """;

    public const string Get = "SELECT json FROM work_orders WHERE id = @id;";

    // Filters follow as AND conditions; "1 = 1" leaves the first page, which has no keyset bound, valid SQL.
    public const string ListPrefix = "SELECT json FROM work_orders WHERE 1 = 1";

    public const string ListSuffix = " ORDER BY id DESC LIMIT @limit;";
}
