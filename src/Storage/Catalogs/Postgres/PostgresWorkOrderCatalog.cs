using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs.Relational;
using IotService.Storage.Postgres;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>
/// Work-order rows in the <c>work_orders</c> table of the <see cref="PostgresDatabase"/>: the record as JSON beside
/// indexed copies of the fields lists filter on.
/// </summary>
public sealed class PostgresWorkOrderCatalog(PostgresDatabase database) : IWorkOrderCatalog
{
    private readonly PostgresJsonRecords<WorkOrder> _rows = new(database, WorkOrderTable.Upsert, WorkOrderTable.Get, WorkOrderTable.Parameters, order => order.Id);

    public Task UpsertAsync(WorkOrder order, CancellationToken cancellationToken = default) => _rows.UpsertAsync(order, cancellationToken);

    public Task<WorkOrder?> GetAsync(string id, CancellationToken cancellationToken = default) => _rows.GetAsync(id, cancellationToken);

    public Task<Page<WorkOrder>> ListAsync(WorkOrderQuery query, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(WorkOrderTable.List(query), cancellationToken);
}
