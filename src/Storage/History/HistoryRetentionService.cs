using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.History;

/// <summary>Applies history retention once at start and then every <c>interval</c> (default one hour).</summary>
public sealed partial class HistoryRetentionService : BackgroundService
{
    /// <summary>How often retention runs unless told otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    private readonly IHistoryRetention _retention;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HistoryRetentionService> _logger;
    private readonly TimeSpan _interval;

    public HistoryRetentionService(IHistoryRetention retention, TimeProvider timeProvider, ILogger<HistoryRetentionService> logger, TimeSpan? interval = null)
    {
        _interval = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_interval, TimeSpan.Zero, nameof(interval));
        _retention = retention;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first run so that runs stay on the interval's grid however long one takes.
        using var timer = new PeriodicTimer(_interval, _timeProvider);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _retention.ApplyRetentionAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A failed run leaves nothing half-done (each step is idempotent); the next run catches up,
            // so it must not stop the host.
            LogRetentionFailed(exception, _interval);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying history retention failed; retrying in {Interval}")]
    private partial void LogRetentionFailed(Exception exception, TimeSpan interval);
}
