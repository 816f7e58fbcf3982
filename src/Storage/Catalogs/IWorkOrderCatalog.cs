using IotService.Contracts.WorkOrders;

namespace IotService.Storage.Catalogs;

/// <summary>Work-order rows for <c>GET /api/work-orders</c>, written by the work-order grain on every change.</summary>
public interface IWorkOrderCatalog
{
    /// <summary>Inserts or replaces the order's row; a record with an older <see cref="WorkOrder.UpdatedAt"/> than the stored one is ignored.</summary>
    Task UpsertAsync(WorkOrder order, CancellationToken cancellationToken = default);

    Task<WorkOrder?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Newest first (work-order ids are time-ordered), keyset-paged.</summary>
    Task<Page<WorkOrder>> ListAsync(WorkOrderQuery query, CancellationToken cancellationToken = default);
}
