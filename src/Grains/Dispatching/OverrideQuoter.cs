using System.Text.Json;
using IotService.Contracts.Dispatching;
using IotService.Contracts.WorkOrders;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Dispatching;

/// <summary>
/// Reads what a dispatch round would work on right now and prices an override over it (<see cref="OverrideQuotes"/>):
/// the waiting orders plus the order in question (released from its technician, whose open orders then leave it out).
/// </summary>
public sealed class OverrideQuoter(DispatchInputs inputs, IGrainFactory grains, IOptions<DispatchOptions> options, TimeProvider time)
{
    public async Task<PricedOverride> PriceAsync(string orderId, string technicianId, CancellationToken cancellationToken)
    {
        // The grain, not the list row: the row may lag a step just taken.
        var order = await grains.GetGrain<IWorkOrderGrain>(orderId).GetAsync();
        if (order is null)
        {
            return Failed(DispatchQuoteOutcome.OrderNotFound, $"No work order '{orderId}'.");
        }

        if (!OverrideQuotes.Reassignable.Contains(order.State))
        {
            return Failed(
                DispatchQuoteOutcome.NotPriceable,
                $"Work order '{orderId}' is {JsonNamingPolicy.CamelCase.ConvertName(order.State.ToString())}: only new, declined, assigned or accepted orders can be reassigned.",
                order);
        }

        if (order.Location is null)
        {
            return Failed(
                DispatchQuoteOutcome.NotPriceable,
                $"Work order '{orderId}' has no location (its device has none), so dispatch cannot price it; it can still be assigned by hand.",
                order);
        }

        var fleet = await inputs.FleetAsync(order.Id, cancellationToken);
        if (!fleet.Technicians.Any(t => t.Id == technicianId))
        {
            return Failed(DispatchQuoteOutcome.TechnicianNotFound, $"No technician '{technicianId}'.", order);
        }

        var problem = await inputs.WaitingAsync(cancellationToken);
        problem.RemoveAll(o => o.Id == order.Id);
        problem.Add(order);
        return OverrideQuotes.Price(order, technicianId, problem, fleet, options.Value.Costs(), options.Value.LocalNow(time));
    }

    private static PricedOverride Failed(DispatchQuoteOutcome outcome, string error, WorkOrder? order = null) =>
        new(new DispatchQuoteResult(outcome, null, error), null, order);
}
