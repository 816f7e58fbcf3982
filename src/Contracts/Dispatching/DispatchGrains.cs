namespace IotService.Contracts.Dispatching;

/// <summary>The dispatch grains by their fixed keys.</summary>
public static class DispatchGrains
{
    /// <summary>The one key of <see cref="IDispatchRoundGrain"/>: one grain id, so one activation in a cluster.</summary>
    public const long RoundKey = 0;

    public static IDispatchRoundGrain DispatchRound(this IGrainFactory grains) => grains.GetGrain<IDispatchRoundGrain>(RoundKey);

    /// <summary>A stateless worker: the key does not pick an activation, the silo does.</summary>
    public static IDispatchPlannerGrain DispatchPlanner(this IGrainFactory grains) => grains.GetGrain<IDispatchPlannerGrain>(0);
}
