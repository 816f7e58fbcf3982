using System.Text.Json;
using IotService.Contracts.Dispatching;
using IotService.Contracts.WorkOrders;
using IotService.Dispatch;
using IotService.Dispatch.Costs;
using IotService.Dispatch.Overrides;
using static IotService.Contracts.WorkOrders.WorkOrderState;

namespace IotService.Grains.Dispatching;

/// <summary>
/// Prices a dispatcher's override over the orders a dispatch round would place and the fleet it would use
/// (docs/dispatch.md, "Pricing an override"), and words the answer for the API. Pure: the caller reads the inputs.
/// </summary>
public static class OverrideQuotes
{
    /// <summary>What the receipt and the quote say about a technician with neither a location nor a home base.</summary>
    public const string NoPosition = "no known position (no location or home base)";

    /// <summary>States an order can be assigned from by hand (the lifecycle's <c>assign</c>): before anyone is on the road.</summary>
    public static readonly IReadOnlySet<WorkOrderState> Reassignable = new HashSet<WorkOrderState> { New, Declined, Assigned, Accepted };

    /// <param name="order">The order to price, as its grain has it; it must be reassignable and have a location.</param>
    /// <param name="problem">The orders the round would place now, <paramref name="order"/> among them.</param>
    /// <param name="fleet">The fleet, with open orders counted without <paramref name="order"/>.</param>
    /// <param name="now">Now in the shift time zone (<see cref="DispatchOptions.LocalNow"/>).</param>
    public static PricedOverride Price(
        WorkOrder order, string technicianId, IReadOnlyList<WorkOrder> problem, DispatchFleet fleet, CostSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(fleet);
        var placed = !fleet.WithoutPosition.Contains(technicianId);
        // An order a technician holds is planned with that technician: the round never moves it. A holder without a
        // position (or no longer on file) cannot be priced, so the plan is then the solver's own.
        var heldBy = order.State is Assigned or Accepted && order.TechnicianId is { } holder
            && !fleet.WithoutPosition.Contains(holder) && fleet.Technicians.Any(t => t.Id == holder)
            ? holder
            : null;
        var quote = TechnicianPool.Create(fleet.Technicians)
            .Quote([.. problem.Select(DispatchMapping.Order)], order.Id, technicianId, now, settings, heldBy);

        var orders = problem.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var utcNow = now.ToUniversalTime();
        var answer = new DispatchQuote(
            order.Id,
            technicianId,
            quote.PlannedTechnicianId,
            placed && quote.Feasible,
            placed ? ReasonName(quote) : JsonNamingPolicy.CamelCase.ConvertName(nameof(Dispatch.Receipts.RejectionReason.Availability)),
            placed ? quote.Detail : NoPosition,
            placed ? Round(quote.Cost.TravelMinutes) : null,
            quote.PlannedCost is { } planned ? Round(planned.TravelMinutes) : null,
            placed ? Round(quote.ExtraTravelMinutes) : null,
            placed ? Round(quote.PinnedPlan.TotalCost) : null,
            Round(quote.Plan.TotalCost),
            placed ? Round(quote.CostDelta) : null,
            placed ? [.. quote.Changes.Select(c => Sla(c, orders[c.OrderId], utcNow))] : [],
            placed ? [.. quote.Changes.Where(c => c.OrderId != order.Id).Select(c => new Reassignment(c.OrderId, c.FromTechnicianId, c.ToTechnicianId))] : [],
            utcNow);
        return new PricedOverride(new DispatchQuoteResult(DispatchQuoteOutcome.Quoted, answer), quote, order);
    }

    private static SlaChange Sla(PlanChange change, WorkOrder order, DateTimeOffset now)
    {
        DateTimeOffset? Eta(CostBreakdown? cost) => cost is { } c ? now.AddMinutes(c.TravelMinutes) : null;

        // Late exactly when the cost model charges lateness: arrival (now + travel) after the due time.
        return new SlaChange(
            order.Id,
            order.DeviceId,
            order.DueAt,
            Eta(change.Before),
            Eta(change.After),
            change is { Before: { } b, After: { } a } ? Round(a.TravelMinutes - b.TravelMinutes) : null,
            change.Before is { } before ? before.LatenessMinutes > 0 : null,
            change.After is { } after ? after.LatenessMinutes > 0 : null);
    }

    private static string? ReasonName(OverrideQuote quote) =>
        quote.Reason is { } reason ? JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()) : null;

    private static double Round(double minutes) => Math.Round(minutes, 3);
}
