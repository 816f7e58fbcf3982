using IotService.Contracts.Dispatching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Dispatching;

/// <summary>
/// Keeps automatic dispatch running: every silo pings <see cref="IDispatchRoundGrain"/> once started and then every
/// <see cref="DispatchOptions.KeepAliveSeconds"/>. A ping activates the grain (and with it the round timer) wherever
/// Orleans places it, so rounds start with the first silo and resume within one period after the silo that held the
/// grain is gone. There is no durable reminder service to do this (and a ping costs one message).
/// </summary>
public sealed partial class DispatchKeeper(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<DispatchKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Grains answer once the silo has started, which the host reports as the application having started.
            await WhenStartedAsync(stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.KeepAliveSeconds), time);
            do
            {
                try
                {
                    await grains.DispatchRound().PingAsync().WaitAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPingFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ping the dispatch round grain; retried in one period")]
    private partial void LogPingFailed(Exception exception);
}
