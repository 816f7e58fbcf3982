namespace IotService.Contracts.Dispatching;

/// <summary>
/// What-if planning (<c>POST /api/dispatch/solve</c>, and the price of an override): solves orders over technicians with
/// the hub's cost model and stores nothing. A stateless worker: any silo answers locally, several at once.
/// </summary>
[Alias("IotService.Contracts.Dispatching.IDispatchPlannerGrain")]
public interface IDispatchPlannerGrain : IGrainWithIntegerKey
{
    /// <summary>The plan, or the request's field errors (nothing is thrown for bad input).</summary>
    [Alias("Solve")]
    Task<SolveResult> SolveAsync(SolveRequest request);

    /// <summary>
    /// What giving work order <paramref name="orderId"/> to <paramref name="technicianId"/> would cost against the solver's
    /// plan of the orders a dispatch round would place now (<c>POST /api/work-orders/{id}/dispatch/quote</c>).
    /// </summary>
    [Alias("Quote")]
    Task<DispatchQuoteResult> QuoteAsync(string orderId, string technicianId);
}
