using System.Text.Json;
using IotService.Contracts.Alarms;

namespace IotService.Storage.Catalogs.Relational;

/// <summary>
/// The statements on the <c>alarms</c> table that SQLite and PostgreSQL share: the record as JSON beside copies of
/// the fields lists filter on. Times are unix milliseconds (UTC); enums are their integer values.
/// </summary>
internal static class AlarmTable
{
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

    public static (string Name, object? Value)[] Parameters(AlarmRecord alarm) =>
    [
        ("@id", alarm.Id), ("@device_id", alarm.DeviceId), ("@customer_id", alarm.CustomerId),
        ("@model_id", alarm.ModelId), ("@rule_id", alarm.RuleId), ("@state", (int)alarm.State),
        ("@severity", (int)alarm.Severity), ("@raised_at", alarm.RaisedAt.ToUnixTimeMilliseconds()),
        ("@updated_at", alarm.UpdatedAt.ToUnixTimeMilliseconds()),
        ("@json", JsonSerializer.Serialize(alarm, CatalogJson.Options)),
    ];

    /// <summary>The newest-first list statement of <paramref name="query"/>.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not handed out by this list.</exception>
    public static (SqlStatement Statement, int Limit) List(AlarmQuery query)
    {
        var (statement, limit) = SqlStatement.NewestFirst(ListPrefix, query.Cursor, query.Limit);
        statement.AddIn("state", query.States?.Select(state => (int)state));
        statement.AddIn("severity", query.Severities?.Select(severity => (int)severity));
        statement.AddEquals("device_id", query.DeviceId);
        statement.AddEquals("customer_id", query.CustomerId);
        statement.Text.Append(ListSuffix);
        return (statement, limit);
    }
}
