using System.Text.Json;
using IotService.Contracts.WorkOrders;

namespace IotService.Storage.Catalogs.Relational;

/// <summary>
/// The statements on the <c>work_orders</c> table that SQLite and PostgreSQL share: the record as JSON beside copies
/// of the fields lists filter on. Times are unix milliseconds (UTC); enums are their integer values.
/// </summary>
internal static class WorkOrderTable
{
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

    public static (string Name, object? Value)[] Parameters(WorkOrder order) =>
    [
        ("@id", order.Id), ("@state", (int)order.State), ("@device_id", order.DeviceId),
        ("@customer_id", order.CustomerId), ("@technician_id", order.TechnicianId), ("@alarm_id", order.AlarmId),
        ("@priority", (int)order.Priority), ("@created_at", order.CreatedAt.ToUnixTimeMilliseconds()),
        ("@updated_at", order.UpdatedAt.ToUnixTimeMilliseconds()),
        ("@json", JsonSerializer.Serialize(order, CatalogJson.Options)),
    ];

    /// <summary>The newest-first list statement of <paramref name="query"/>.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not handed out by this list.</exception>
    public static (SqlStatement Statement, int Limit) List(WorkOrderQuery query)
    {
        var (statement, limit) = SqlStatement.NewestFirst(ListPrefix, query.Cursor, query.Limit);
        statement.AddIn("state", query.States?.Select(state => (int)state));
        statement.AddEquals("technician_id", query.TechnicianId);
        statement.AddEquals("device_id", query.DeviceId);
        statement.AddEquals("customer_id", query.CustomerId);
        statement.AddEquals("alarm_id", query.AlarmId);
        statement.Text.Append(ListSuffix);
        return (statement, limit);
    }
}
