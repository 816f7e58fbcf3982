namespace IotService.Contracts.Dispatching;

/// <summary>
/// Answer of <c>POST /api/work-orders/{id}/dispatch/quote</c>: what giving the order to <see cref="TechnicianId"/> costs
/// against the solver's plan, computed by the solver (docs/dispatch.md, "Pricing an override"). Minutes throughout,
/// rounded to 0.001. Costs and travel are totals over the plan's assigned orders, so <see cref="ExtraTravelMinutes"/> and
/// <see cref="CostDelta"/> include every knock-on move listed in <see cref="Reassigned"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DispatchQuote(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string TechnicianId,
    [property: Id(2)] string? PlannedTechnicianId,
    [property: Id(3)] bool Feasible,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string? Detail,
    [property: Id(6)] double? TravelMinutes,
    [property: Id(7)] double? PlannedTravelMinutes,
    [property: Id(8)] double? ExtraTravelMinutes,
    [property: Id(9)] double? TotalCost,
    [property: Id(10)] double PlannedTotalCost,
    [property: Id(11)] double? CostDelta,
    [property: Id(12)] IReadOnlyList<SlaChange> SlaChanges,
    [property: Id(13)] IReadOnlyList<Reassignment> Reassigned,
    [property: Id(14)] DateTimeOffset QuotedAt);
