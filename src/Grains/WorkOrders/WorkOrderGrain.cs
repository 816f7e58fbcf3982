using IotService.Contracts.Customers;
using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Options;

namespace IotService.Grains.WorkOrders;

/// <summary>
/// One work order. The grain state is the truth; every change also writes the order's catalog row, which the
/// work-order lists read, and is then published to <see cref="IWorkOrderNotifier"/> — by this grain only, whoever
/// asked for the change. Steps go through the pure <see cref="WorkOrderLifecycle"/>.
/// </summary>
public sealed class WorkOrderGrain(
    [PersistentState("workorder", "workorders")] IPersistentState<WorkOrderGrainState> state,
    IWorkOrderCatalog catalog,
    IWorkOrderNotifier notifier,
    IOptions<WorkOrderOptions> options,
    TimeProvider time) : Grain, IWorkOrderGrain
{
    public async Task<WorkOrder> CreateAsync(WorkOrder order)
    {
        if (state.State.Order is { } existing)
        {
            // A retry after a crash may find the state written but not the list row. Not published again: a device
            // grain re-ensures its alarms' orders on every activation, and clients already had the order's event.
            await catalog.UpsertAsync(existing);
            return existing;
        }

        var now = time.GetUtcNow();
        var tier = await TierAsync(order.CustomerId);
        var created = order with
        {
            Id = this.GetPrimaryKeyString(),
            State = WorkOrderState.New,
            CreatedAt = now,
            UpdatedAt = now,
            DueAt = SlaPolicy.Due(order.DueAt, now + SlaPolicy.Target(options.Value, tier, order.Priority)),
            History = [new WorkOrderStep(WorkOrderState.New, now, order.CreatedBy, order.Description)],
        };
        await SaveAsync(created);
        notifier.Publish(new WorkOrderChange(WorkOrderChange.Created, created));
        return created;
    }

    public Task<WorkOrder?> GetAsync() =>
        Task.FromResult(state.State.Order is { } order ? order with { SlaBreached = WorkOrderLifecycle.IsBreached(order, time.GetUtcNow()) } : null);

    public async Task<WorkOrderCommandResult> ApplyAsync(WorkOrderCommand command)
    {
        if (state.State.Order is not { } order)
        {
            return new WorkOrderCommandResult(WorkOrderCommandOutcome.NotFound, null, $"No work order '{this.GetPrimaryKeyString()}'.");
        }

        WorkOrder next;
        try
        {
            next = WorkOrderLifecycle.Apply(order, command, time.GetUtcNow());
        }
        catch (WorkOrderTransitionException refused)
        {
            return new WorkOrderCommandResult(WorkOrderCommandOutcome.Conflict, order, refused.Message);
        }

        await SaveAsync(next);
        notifier.Publish(WorkOrderChanges.Step(command.Action, order, next));
        return new WorkOrderCommandResult(WorkOrderCommandOutcome.Done, next);
    }

    public async Task SaveDispatchReceiptAsync(string json)
    {
        state.State.DispatchReceiptJson = json;
        await state.WriteStateAsync();
    }

    public Task<string?> GetDispatchReceiptAsync() => Task.FromResult(state.State.DispatchReceiptJson);

    private async Task SaveAsync(WorkOrder order)
    {
        state.State.Order = order;
        await state.WriteStateAsync();
        await catalog.UpsertAsync(order);
    }

    private async Task<CustomerTier> TierAsync(string? customerId) =>
        customerId is null ? CustomerTier.Standard
            : (await GrainFactory.GetGrain<ICustomerGrain>(customerId).GetAsync())?.Tier ?? CustomerTier.Standard;
}
