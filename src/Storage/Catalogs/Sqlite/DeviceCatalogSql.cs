using IotService.Storage.Catalogs.Relational;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>
/// SQL of the SQLite device catalog that is SQLite's own (the shared statements are <see cref="DeviceTable"/>'s).
/// Times are unix milliseconds (UTC); enums are their integer values.
/// </summary>
internal static class DeviceCatalogSql
{
    private const string Columns = DeviceSummaryRow.Columns;

    // Filtered indexes carry id as their second column, so a filtered list walks the index already in id
    // order and LIMIT stops early, instead of collecting every match and sorting it.
    public const string Schema =
        """
        CREATE TABLE IF NOT EXISTS devices (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NULL,
            model_id TEXT NOT NULL,
            customer_id TEXT NULL,
            status INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            lat REAL NULL,
            lon REAL NULL,
            last_seen INTEGER NULL,
            registered_at INTEGER NOT NULL,
            values_json TEXT NOT NULL,
            secret_hash TEXT NOT NULL,
            activation_code TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            due_at INTEGER NULL);
        CREATE INDEX IF NOT EXISTS ix_devices_model ON devices (model_id, id);
        CREATE INDEX IF NOT EXISTS ix_devices_customer ON devices (customer_id, id);
        CREATE INDEX IF NOT EXISTS ix_devices_status ON devices (status, id);
        CREATE INDEX IF NOT EXISTS ix_devices_updated ON devices (updated_at);
        CREATE INDEX IF NOT EXISTS ix_devices_silent ON devices (status, last_seen);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_devices_activation ON devices (activation_code) WHERE activation_code <> '';
        """;

    // Databases made before clock rules lack due_at; added once, before the index on it is created.
    public const string HasDueColumn = "SELECT COUNT(*) FROM pragma_table_info('devices') WHERE name = 'due_at';";

    public const string AddDueColumn = "ALTER TABLE devices ADD COLUMN due_at INTEGER NULL;";

    public const string DueIndex = "CREATE INDEX IF NOT EXISTS ix_devices_due ON devices (due_at) WHERE due_at IS NOT NULL;";

    // Indexes of the console's list (issue 16), created on every start like the others; databases made before it
    // lose ix_devices_severity (severity, id), which ix_devices_list extends.
    // - ix_devices_list: worst-first pages read one severity at a time in id order; it also holds every other column
    //   lists filter or search on, so a filter within a severity reads rows only for matches, and any count is a scan
    //   of this index alone, never of the table.
    // - ix_devices_search: covers id, name and customer for a search in id order without reading every row.
    // - ix_devices_customer_worst: a customer's devices worst first (every customer's own list).
    public const string ListIndexes =
        """
        CREATE INDEX IF NOT EXISTS ix_devices_list ON devices (severity, id, name, customer_id, status, model_id);
        CREATE INDEX IF NOT EXISTS ix_devices_search ON devices (id, name, customer_id);
        CREATE INDEX IF NOT EXISTS ix_devices_customer_worst ON devices (customer_id, severity, id);
        DROP INDEX IF EXISTS ix_devices_severity;
        """;

    // The customer's name comes from its catalog document (few rows, looked up by primary key per listed row).
    public const string ListColumns =
        Columns + ", (SELECT json_extract(c.json, '$.name') FROM documents c WHERE c.kind = 'customer' AND c.id = devices.customer_id)";

    public const string SearchIndex = "ix_devices_search";

    public const string ListIndex = "ix_devices_list";

    public const string CustomerWorstIndex = "ix_devices_customer_worst";

    // Matches the pattern (a LIKE pattern with '\' as escape) against id, name and the customer's name. SQLite's LIKE
    // ignores case for ASCII letters only.
    public const string SearchCondition =
        " AND (id LIKE @search ESCAPE '\\' OR name LIKE @search ESCAPE '\\' OR customer_id IN "
        + "(SELECT id FROM documents WHERE kind = 'customer' AND json_extract(json, '$.name') LIKE @search ESCAPE '\\'))";
}
