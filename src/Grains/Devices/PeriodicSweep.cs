using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotService.Grains.Devices;

/// <summary>
/// A background job that runs <see cref="SweepAsync"/> every <see cref="Interval"/>. A failed sweep is logged and
/// the next one runs on time: sweeps read the catalog afresh, so nothing is lost by skipping one.
/// </summary>
public abstract partial class PeriodicSweep(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan Interval { get; }

    /// <returns>How many devices the sweep changed or called.</returns>
    public abstract Task<int> SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSweepFailed(ex, GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} failed")]
    private partial void LogSweepFailed(Exception exception, string sweep);
}
