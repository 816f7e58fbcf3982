using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Spool;

/// <summary>
/// Drains the spool into the history store, strictly in spool order, in batches of up to
/// <see cref="SpoolOptions.ForwardBatchPoints"/> points, letting a small batch gather for up to
/// <see cref="SpoolOptions.ForwardIntervalMilliseconds"/> unless a reader asks it to catch up. The checkpoint
/// advances only after the store has confirmed a batch. Outages are retried with exponential back-off (0.5 s
/// doubling to 30 s); points the store rejects for good are isolated and dead-lettered so that one poison reading
/// never blocks the rest.
/// </summary>
/// <param name="options">Batch size and interval; without, batches of 5,000 points forwarded at once.</param>
public sealed partial class SpoolForwarder(
    WriteAheadSpool spool, IHistoryStore store, TimeProvider timeProvider, ILogger<SpoolForwarder> logger, IOptions<HistoryOptions>? options = null)
    : BackgroundService
{
    private readonly int _maxBatchPoints = options?.Value.Spool.ForwardBatchPoints ?? 5_000;
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(options?.Value.Spool.ForwardIntervalMilliseconds ?? 0);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: the first read may already find a backlog.
        await Task.Yield();
        var position = spool.Checkpoint;
        try
        {
            while (true)
            {
                var from = position;
                var catchUp = spool.CatchUpRequested.Next;
                var batch = await RetryOnDiskErrorAsync(() => spool.ReadAsync(from, _maxBatchPoints, stoppingToken), stoppingToken);
                if (batch.Points.Count < _maxBatchPoints && batch.CorruptFrom is null && _interval > TimeSpan.Zero && !catchUp.IsCompleted)
                {
                    // A larger batch costs the store fewer page writes per reading; a reader waiting ends the wait.
                    // The small batch is read again after the wait: kept across it, its points would outlive
                    // several collections and be copied into the older generations for nothing.
                    batch = SpoolReadBatch.Empty;
                    await Task.WhenAny(Task.Delay(_interval, timeProvider, stoppingToken), catchUp);
                    stoppingToken.ThrowIfCancellationRequested();
                    batch = await RetryOnDiskErrorAsync(() => spool.ReadAsync(from, _maxBatchPoints, stoppingToken), stoppingToken);
                }

                var rejected = batch.CorruptFrom is null ? await ForwardAsync(batch.Points, stoppingToken) : [];
                await RetryOnDiskErrorAsync(() => Acknowledge(batch, rejected), stoppingToken);
                position = batch.End;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; whatever was not checkpointed is sent again after the restart.
        }
    }

    /// <summary>Sends until the store has taken every point or rejected it for good; returns the rejected ones.</summary>
    private async Task<List<(HistoryPoint, string)>> ForwardAsync(IReadOnlyList<HistoryPoint> points, CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            var rejected = new List<(HistoryPoint, string)>();
            try
            {
                await SendIsolatingAsync(points, rejected, stoppingToken);
                if (rejected.Count > 0)
                {
                    LogRejected(rejected.Count, points.Count, rejected[0].Item2);
                }

                return rejected;
            }
            catch (Exception ex) when (ex is not HistoryWriteRejectedException && !stoppingToken.IsCancellationRequested)
            {
                // Outages (HistoryStoreUnavailableException, HttpRequestException, timeouts) and
                // anything unforeseen alike: the data stays in the spool, so waiting is always safe.
                spool.ForwardFailed(ex.Message);
                LogStoreFailed(ex.GetType().Name, ex.Message, delay);
                await Task.Delay(delay, timeProvider, stoppingToken);
                delay = Doubled(delay);
            }
        }
    }

    /// <summary>On rejection, splits the batch in halves (sent in order) until each refused point stands alone.</summary>
    private async Task SendIsolatingAsync(IReadOnlyList<HistoryPoint> points, List<(HistoryPoint, string)> rejected, CancellationToken stoppingToken)
    {
        try
        {
            await store.WriteAsync(points, stoppingToken);
        }
        catch (HistoryWriteRejectedException ex)
        {
            if (points.Count == 1)
            {
                rejected.Add((points[0], ex.Message));
                return;
            }

            var half = points.Count / 2;
            await SendIsolatingAsync(points.Take(half).ToList(), rejected, stoppingToken);
            await SendIsolatingAsync(points.Skip(half).ToList(), rejected, stoppingToken);
        }
    }

    /// <summary>
    /// Reading the spool or saving progress hit a disk error: wait and try again rather than stop
    /// forwarding for good. At worst a batch is sent twice, which the idempotent store absorbs.
    /// </summary>
    private async Task<T> RetryOnDiskErrorAsync<T>(Func<ValueTask<T>> action, CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogSpoolDiskFailed(ex, delay);
                await Task.Delay(delay, timeProvider, stoppingToken);
                delay = Doubled(delay);
            }
        }
    }

    private ValueTask<bool> Acknowledge(SpoolReadBatch batch, List<(HistoryPoint, string)> rejected)
    {
        spool.Acknowledge(batch, rejected);
        return ValueTask.FromResult(true);
    }

    private static TimeSpan Doubled(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));

    [LoggerMessage(Level = LogLevel.Warning, Message = "History store write failed ({Kind}: {Error}); the spool keeps the data, retrying in {Delay}")]
    private partial void LogStoreFailed(string kind, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History store rejected {Rejected} of {Count} readings for good; moved to the spool's dead letters (first reason: {Reason})")]
    private partial void LogRejected(int rejected, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool read or checkpoint failed on disk; retrying in {Delay}")]
    private partial void LogSpoolDiskFailed(Exception exception, TimeSpan delay);
}
