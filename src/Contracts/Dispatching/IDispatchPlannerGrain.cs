namespace IotService.Contracts.Dispatching;

/// <summary>
/// What-if planning (<c>POST /api/dispatch/solve</c>): solves a request's orders over its technicians with the hub's
/// cost model and stores nothing. A stateless worker: any silo answers locally, several at once.
/// </summary>
[Alias("IotService.Contracts.Dispatching.IDispatchPlannerGrain")]
public interface IDispatchPlannerGrain : IGrainWithIntegerKey
{
    /// <summary>The plan, or the request's field errors (nothing is thrown for bad input).</summary>
    [Alias("Solve")]
    Task<SolveResult> SolveAsync(SolveRequest request);
}
