using IotService.Contracts.WorkOrders;
using IotService.Grains.Catalog;

namespace IotService.Grains.WorkOrders;

/// <summary>
/// One work order. The grain state is the truth; every change also writes the order's catalog row, which the
/// work-order lists read. (Transitions and dispatch build on this.)
/// </summary>
public sealed class WorkOrderGrain(
    [PersistentState("workorder", "workorders")] IPersistentState<WorkOrderGrainState> state,
    IWorkOrderCatalog catalog,
    TimeProvider time) : Grain, IWorkOrderGrain
{
    public async Task<WorkOrder> CreateAsync(WorkOrder order)
    {
        if (state.State.Order is { } existing)
        {
            // A retry after a crash may find the state written but not the list row.
            await catalog.UpsertAsync(existing);
            return existing;
        }

        var now = time.GetUtcNow();
        var created = order with
        {
            Id = this.GetPrimaryKeyString(),
            State = WorkOrderState.New,
            CreatedAt = now,
            UpdatedAt = now,
            History = [new WorkOrderStep(WorkOrderState.New, now, order.CreatedBy, order.Description)],
        };
        state.State.Order = created;
        await state.WriteStateAsync();
        await catalog.UpsertAsync(created);
        return created;
    }

    public Task<WorkOrder?> GetAsync() => Task.FromResult(state.State.Order);
}
