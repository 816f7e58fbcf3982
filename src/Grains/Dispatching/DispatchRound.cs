using System.Text.Json;
using IotService.Contracts.WorkOrders;
using IotService.Dispatch;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Dispatching;

/// <summary>
/// One round of automatic dispatch (SPEC §8): orders nobody accepted in time go back to dispatch without that
/// technician; then every waiting order is assigned jointly — an exact minimum-cost assignment over the current
/// fleet — and each decision's receipt is kept with its order. Only <see cref="DispatchRoundGrain"/> runs it, so rounds
/// never overlap; the work-order grains publish the steps it takes.
/// </summary>
public sealed partial class DispatchRound(
    IWorkOrderCatalog orders,
    DispatchInputs inputs,
    IGrainFactory grains,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<DispatchRound> logger)
{
    public const string Actor = "dispatch";

    /// <returns>How many orders were assigned.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await ReleaseUnacceptedAsync(cancellationToken);
        var waiting = await inputs.WaitingAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var pool = TechnicianPool.Create((await inputs.FleetAsync(null, cancellationToken)).Technicians);
        var result = pool.Solve(waiting.Select(DispatchMapping.Order).ToList(), options.Value.LocalNow(time), options.Value.Costs(), includeReceipts: true);
        var receipts = (result.Receipts ?? []).ToDictionary(r => r.OrderId, StringComparer.Ordinal);
        var assignments = result.Assignments.ToDictionary(a => a.OrderId, StringComparer.Ordinal);
        var assigned = 0;
        foreach (var order in waiting)
        {
            var grain = grains.GetGrain<IWorkOrderGrain>(order.Id);
            if (receipts.TryGetValue(order.Id, out var receipt))
            {
                await grain.SaveDispatchReceiptAsync(JsonSerializer.Serialize(receipt, DispatchJson.Options));
            }

            if (!assignments.TryGetValue(order.Id, out var assignment))
            {
                continue;
            }

            var step = await grain.ApplyAsync(new WorkOrderCommand("assign", Actor, assignment.TechnicianId, $"cost {assignment.Cost:0.#} min"));
            if (step.Outcome == WorkOrderCommandOutcome.Done)
            {
                assigned++;
            }
        }

        if (assigned > 0)
        {
            LogAssigned(assigned, waiting.Count);
        }

        return assigned;
    }

    private async Task ReleaseUnacceptedAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.AcceptTimeoutSeconds);
        var assigned = await orders.ListAsync(new WorkOrderQuery([WorkOrderState.Assigned], Limit: DispatchInputs.MaxPerRound), cancellationToken);
        foreach (var order in assigned.Items.Where(o => o.AssignedAt < deadline))
        {
            // Refused (Conflict) when the technician accepted meanwhile: the catalog row was older than the grain.
            await grains.GetGrain<IWorkOrderGrain>(order.Id).ApplyAsync(new WorkOrderCommand("unassign", Actor, Note: "not accepted in time"));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch assigned {Assigned} of {Waiting} waiting work orders")]
    private partial void LogAssigned(int assigned, int waiting);
}
