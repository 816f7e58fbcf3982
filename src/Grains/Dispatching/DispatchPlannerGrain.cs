using IotService.Contracts.Dispatching;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IotService.Grains.Dispatching;

/// <summary>
/// What-if planning and override quotes as a stateless worker: answered by the silo that is asked, several at once, and
/// never queued behind a dispatch round (a quote is asked for while a dispatcher hovers).
/// </summary>
[StatelessWorker]
public sealed class DispatchPlannerGrain(IOptions<DispatchOptions> options, OverrideQuoter quoter, TimeProvider time) : Grain, IDispatchPlannerGrain
{
    public Task<SolveResult> SolveAsync(SolveRequest request)
        => Task.FromResult(DispatchPlanner.Solve(request, options.Value, options.Value.LocalNow(time)));

    public async Task<DispatchQuoteResult> QuoteAsync(string orderId, string technicianId)
        => (await quoter.PriceAsync(orderId, technicianId, CancellationToken.None)).Result;
}
