using IotService.Contracts.Dispatching;
using IotService.Contracts.WorkOrders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Dispatching;

/// <summary>
/// Runs automatic dispatch: a <see cref="DispatchRound"/> every <see cref="DispatchOptions.IntervalSeconds"/> on a grain
/// timer. One grain id means one activation in the cluster, and a grain runs one turn at a time, so rounds never
/// overlap — not with each other, nor with <see cref="RunRoundAsync"/>. The timer keeps the activation alive between
/// rounds; <see cref="DispatchKeeper"/> on every silo brings it back wherever Orleans places it when it is gone. A
/// dispatcher's assignment is taken here too (<see cref="ManualAssignment"/>), between rounds, for the same reason.
/// </summary>
public sealed partial class DispatchRoundGrain(
    DispatchRound round,
    ManualAssignment manual,
    IOptions<DispatchOptions> options,
    ILogger<DispatchRoundGrain> logger) : Grain, IDispatchRoundGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task PingAsync() => Task.CompletedTask;

    public Task<int> RunRoundAsync() => round.RunAsync(CancellationToken.None);

    public Task<WorkOrderCommandResult> AssignByHandAsync(string orderId, WorkOrderCommand command)
        => manual.AssignAsync(orderId, command, CancellationToken.None);

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await round.RunAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The next tick reads the catalogs afresh: nothing is lost by skipping one round.
            LogRoundFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch round failed; the next one runs on time")]
    private partial void LogRoundFailed(Exception exception);
}
