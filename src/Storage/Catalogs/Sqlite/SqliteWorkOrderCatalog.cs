using System.Text.Json;
using IotService.Contracts.WorkOrders;
using IotService.Storage.GrainState;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>
/// Work-order rows in the <c>work_orders</c> table of the state database: the record as JSON beside indexed
/// copies of the fields lists filter on. Upserts ride the database's group-committing writer.
/// </summary>
public sealed class SqliteWorkOrderCatalog : IWorkOrderCatalog
{
    private readonly SqliteDatabase _database;
    private readonly AsyncOnce _schema;

    public SqliteWorkOrderCatalog(SqliteDatabase database)
    {
        _database = database;
        _schema = new AsyncOnce(() => _database.ExecuteAsync(WorkOrderCatalogSql.Schema));
    }

    public async Task UpsertAsync(WorkOrder order, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await CatalogCommands.WriteAsync(
            _database,
            WorkOrderCatalogSql.Upsert,
            [
                ("@id", order.Id), ("@state", (int)order.State), ("@device_id", order.DeviceId),
                ("@customer_id", order.CustomerId), ("@technician_id", order.TechnicianId), ("@alarm_id", order.AlarmId),
                ("@priority", (int)order.Priority), ("@created_at", order.CreatedAt.ToUnixTimeMilliseconds()),
                ("@updated_at", order.UpdatedAt.ToUnixTimeMilliseconds()),
                ("@json", JsonSerializer.Serialize(order, CatalogJson.Options)),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkOrder?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryJsonAsync<WorkOrder>(_database, WorkOrderCatalogSql.Get, [new("@id", id)], cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Page<WorkOrder>> ListAsync(WorkOrderQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters, limit) = BuildList(query);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryJsonAsync<WorkOrder>(_database, sql, parameters, cancellationToken).ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, order => order.Id);
    }

    /// <summary>The list statement of <paramref name="query"/>; internal so tests can check its query plan.</summary>
    internal static (string Sql, List<SqliteParameter> Parameters, int Limit) BuildList(WorkOrderQuery query)
    {
        var (sql, parameters, limit) = SqlFilters.NewestFirst(WorkOrderCatalogSql.ListPrefix, query.Cursor, query.Limit);
        SqlFilters.AddIn(sql, parameters, "state", query.States?.Select(state => (int)state));
        SqlFilters.AddEquals(sql, parameters, "technician_id", query.TechnicianId);
        SqlFilters.AddEquals(sql, parameters, "device_id", query.DeviceId);
        SqlFilters.AddEquals(sql, parameters, "customer_id", query.CustomerId);
        SqlFilters.AddEquals(sql, parameters, "alarm_id", query.AlarmId);
        sql.Append(WorkOrderCatalogSql.ListSuffix);
        return (sql.ToString(), parameters, limit);
    }
}
