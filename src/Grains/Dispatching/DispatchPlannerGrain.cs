using IotService.Contracts.Dispatching;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IotService.Grains.Dispatching;

/// <summary>What-if planning as a stateless worker: answered by the silo that is asked, several plans at once.</summary>
[StatelessWorker]
public sealed class DispatchPlannerGrain(IOptions<DispatchOptions> options, TimeProvider time) : Grain, IDispatchPlannerGrain
{
    public Task<SolveResult> SolveAsync(SolveRequest request)
        => Task.FromResult(DispatchPlanner.Solve(request, options.Value, options.Value.LocalNow(time)));
}
