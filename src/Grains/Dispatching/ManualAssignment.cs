using System.Text.Json;
using IotService.Contracts.WorkOrders;
using IotService.Dispatch.Receipts;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Dispatching;

/// <summary>
/// A dispatcher's <c>assign</c>: priced as an override first (what the plan was, what the choice costs against it), then
/// taken; once done, the order's receipt is the decision under the pinned plan with <see cref="DispatchReceipt.Override"/>
/// saying who chose and the price. Run by <see cref="DispatchRoundGrain"/> between rounds, so a round never overwrites it.
/// </summary>
public sealed class ManualAssignment(OverrideQuoter quoter, IGrainFactory grains, IOptions<DispatchOptions> options, TimeProvider time)
{
    public async Task<WorkOrderCommandResult> AssignAsync(string orderId, WorkOrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var priced = string.IsNullOrWhiteSpace(command.TechnicianId) ? null : await quoter.PriceAsync(orderId, command.TechnicianId, cancellationToken);
        var grain = grains.GetGrain<IWorkOrderGrain>(orderId);
        var result = await grain.ApplyAsync(command);
        if (result.Outcome == WorkOrderCommandOutcome.Done && priced is not null)
        {
            await grain.SaveDispatchReceiptAsync(JsonSerializer.Serialize(Receipt(orderId, command, priced), DispatchJson.Options));
        }

        return result;
    }

    private DispatchReceipt Receipt(string orderId, WorkOrderCommand command, PricedOverride priced)
    {
        var at = time.GetUtcNow();
        var quote = priced.Result.Quote;
        var receipt = priced.Priced
            ? priced.Quote!.Receipt
            : new DispatchReceipt(orderId, command.TechnicianId, null, [], options.Value.LocalNow(time), options.Value.Costs(), 0, 0, null);
        return receipt with
        {
            Override = new ManualOverride(
                command.Actor,
                at,
                quote is null ? priced.Order?.TechnicianId : quote.PlannedTechnicianId,
                quote?.CostDelta,
                quote?.ExtraTravelMinutes,
                quote is null ? [] : [.. quote.Reassigned.Select(r => r.OrderId)],
                priced.Quote is { } q ? (priced.Priced ? q.Reason : RejectionReason.Availability) : null,
                quote?.Detail,
                priced.Priced ? null : priced.Result.Error ?? quote?.Detail),
        };
    }
}
