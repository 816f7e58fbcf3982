using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs.Relational;
using IotService.Storage.Postgres;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>
/// Work-order rows in the <c>work_orders</c> table of the <see cref="PostgresDatabase"/>: the record as JSON beside indexed copies
/// of the fields lists filter on.
/// </summary>
public sealed class PostgresWorkOrderCatalog(PostgresDatabase database) : IWorkOrderCatalog
{
    public Task UpsertAsync(WorkOrder order, CancellationToken cancellationToken = default) =>
        PostgresCommands.ExecuteAsync(database, WorkOrderTable.Upsert, WorkOrderTable.Parameters(order), cancellationToken);

    public async Task<WorkOrder?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var rows = await PostgresCommands.QueryAsync(database, WorkOrderTable.Get, [("@id", id)], CatalogReads.Json<WorkOrder>, cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Page<WorkOrder>> ListAsync(WorkOrderQuery query, CancellationToken cancellationToken = default)
    {
        var (statement, limit) = WorkOrderTable.List(query);
        var rows = await PostgresCommands.QueryAsync(database, statement.ToString(), statement.Parameters, CatalogReads.Json<WorkOrder>, cancellationToken)
            .ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, order => order.Id);
    }
}
