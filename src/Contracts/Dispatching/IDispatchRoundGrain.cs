using IotService.Contracts.WorkOrders;

namespace IotService.Contracts.Dispatching;

/// <summary>
/// Automatic dispatch (SPEC §8): one grain, key <see cref="DispatchGrains.RoundKey"/>, so one activation in the whole
/// cluster runs the rounds, on its own timer, one at a time. Every silo pings it, which (re)activates it wherever
/// Orleans places it — after a start, or after the silo holding it died.
/// </summary>
[Alias("IotService.Contracts.Dispatching.IDispatchRoundGrain")]
public interface IDispatchRoundGrain : IGrainWithIntegerKey
{
    /// <summary>Activates the grain (and so its timer) if it is not active; does nothing else.</summary>
    [Alias("Ping")]
    Task PingAsync();

    /// <summary>Runs a round now, after any round in progress; answers how many orders it assigned.</summary>
    [Alias("RunRound")]
    Task<int> RunRoundAsync();

    /// <summary>
    /// A dispatcher's <c>assign</c> of work order <paramref name="orderId"/>, taken between rounds (so no round in progress
    /// overwrites it): the override is priced first and, once the step is done, the order's receipt records who chose whom
    /// and what it cost against the plan.
    /// </summary>
    [Alias("AssignByHand")]
    Task<WorkOrderCommandResult> AssignByHandAsync(string orderId, WorkOrderCommand command);
}
