using IotService.Storage.Catalogs.Relational;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>
/// SQL of the PostgreSQL device catalog that is its own (the shared statements are <see cref="DeviceTable"/>'s, the
/// schema a step of <see cref="Storage.Postgres.PostgresMigrations"/>).
/// </summary>
internal static class DeviceCatalogSql
{
    // The customer's name comes from its catalog document (few rows, looked up by primary key per listed row).
    public const string ListColumns =
        DeviceSummaryRow.Columns
        + ", (SELECT c.json::jsonb ->> 'name' FROM documents c WHERE c.kind = 'customer' AND c.id = devices.customer_id)";

    // Matches the pattern (a LIKE pattern with '\' as escape) against id, name and the customer's name. The columns are
    // COLLATE "C" and the customer's name is made so, so ILIKE ignores case for ASCII letters only, like SQLite's LIKE.
    public const string SearchCondition =
        " AND (id ILIKE @search ESCAPE '\\' OR name ILIKE @search ESCAPE '\\' OR customer_id IN "
        + "(SELECT id FROM documents WHERE kind = 'customer' AND (json::jsonb ->> 'name') COLLATE \"C\" ILIKE @search ESCAPE '\\'))";
}
