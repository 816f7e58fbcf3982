namespace IotService.Storage.Catalogs.Relational;

/// <summary>
/// The statements on the <c>devices</c> table that SQLite and PostgreSQL share, and the list statements built from a
/// <see cref="DeviceQuery"/> with the provider's own customer-name column and search condition.
/// Times are unix milliseconds (UTC); enums are their integer values.
/// </summary>
internal static class DeviceTable
{
    private const string Columns = DeviceSummaryRow.Columns;

    public const string Upsert =
        $"""
        INSERT INTO devices ({Columns})
        VALUES (@id, @name, @model_id, @customer_id, @status, @severity, @lat, @lon, @last_seen, @registered_at,
                @values_json, @secret_hash, @activation_code, @updated_at, @due_at)
        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, model_id = excluded.model_id, customer_id = excluded.customer_id,
            status = excluded.status, severity = excluded.severity, lat = excluded.lat, lon = excluded.lon,
            last_seen = excluded.last_seen, registered_at = excluded.registered_at,
            values_json = excluded.values_json, secret_hash = excluded.secret_hash,
            activation_code = excluded.activation_code, updated_at = excluded.updated_at, due_at = excluded.due_at
        WHERE excluded.updated_at >= devices.updated_at;
        """;

    public const string Get = $"SELECT {Columns} FROM devices WHERE id = @id;";

    public const string FindByActivationCode = $"SELECT {Columns} FROM devices WHERE activation_code = @code AND activation_code <> '';";

    public const string ChangedSince = $"SELECT {Columns} FROM devices WHERE updated_at >= @since ORDER BY updated_at, id;";

    // Walks an index on (status, last_seen) in last_seen order, so LIMIT stops early; 1 = DeviceStatus.Online.
    public const string SilentOnline =
        "SELECT id FROM devices WHERE status = 1 AND last_seen < @before ORDER BY last_seen LIMIT @limit;";

    // Walks the partial index on due_at in due order.
    public const string Due = "SELECT id FROM devices WHERE due_at IS NOT NULL AND due_at <= @now ORDER BY due_at LIMIT @limit;";

    // Leaves updated_at alone: directory refresh reads by updated_at and nothing it caches changed.
    public const string MarkModelDue = "UPDATE devices SET due_at = @at WHERE model_id = @model_id;";

    private const string ListSuffix = " ORDER BY id LIMIT @limit;";

    /// <summary>The id-ordered list statement of <paramref name="query"/>.</summary>
    /// <param name="listColumns">The row's columns and, last, the customer's name (<see cref="DeviceSummaryRow.ReadListed"/>).</param>
    /// <param name="searchCondition">The provider's condition on <c>@search</c> (<see cref="DeviceListFilters.Add"/>).</param>
    /// <param name="indexHint">Follows the table name (SQLite's <c>INDEXED BY</c>).</param>
    /// <exception cref="InvalidCursorException">The cursor was not handed out by this list.</exception>
    public static SqlStatement List(DeviceQuery query, int limit, string listColumns, string searchCondition, string indexHint = "")
    {
        var statement = new SqlStatement($"SELECT {listColumns} FROM devices{indexHint} WHERE id > @after")
            .With("@after", KeysetCursor.Decode(query.Cursor))
            .With("@limit", limit + 1);
        DeviceListFilters.Add(statement, query, searchCondition);
        statement.Text.Append(ListSuffix);
        return statement;
    }

    /// <summary>The statement that reads one severity's rows of a worst-first page (<see cref="WorstFirstPage"/>).</summary>
    public static SqlStatement WorstLevel(DeviceQuery query, string listColumns, string searchCondition, string indexHint = "")
    {
        var statement = new SqlStatement($"SELECT {listColumns} FROM devices{indexHint} WHERE severity = @severity AND id > @after")
            .With("@severity", 0)
            .With("@after", "")
            .With("@limit", 1);
        DeviceListFilters.Add(statement, query, searchCondition, withSeverity: false);
        statement.Text.Append(ListSuffix);
        return statement;
    }

    public static SqlStatement Count(DeviceQuery query, string searchCondition, string indexHint = "")
    {
        var statement = new SqlStatement($"SELECT COUNT(*) FROM devices{indexHint} WHERE 1 = 1");
        DeviceListFilters.Add(statement, query, searchCondition);
        statement.Text.Append(';');
        return statement;
    }
}
