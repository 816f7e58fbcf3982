using IotService.Contracts.Dispatching;
using IotService.Contracts.WorkOrders;
using IotService.Dispatch.Overrides;

namespace IotService.Grains.Dispatching;

/// <summary>
/// An override quote as the API answers it (<see cref="Result"/>), with the engine's quote behind it (null when nothing
/// was priced) and the order as it stood when priced (null when there is no such order).
/// </summary>
public sealed record PricedOverride(DispatchQuoteResult Result, OverrideQuote? Quote = null, WorkOrder? Order = null)
{
    /// <summary>Whether the pinned plan was priced (the technician has a known position).</summary>
    public bool Priced => Result.Quote?.CostDelta is not null;
}
