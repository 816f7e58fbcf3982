using System.Threading.Channels;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.HistoryWriting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Pipeline;

/// <summary>
/// Drains both ingest queues in batches: each batch is appended to history (a QoS 1 acknowledgement waits for that
/// append to be durable) and then delivered to the grains, one call per device. The pump does not wait for one batch
/// to become durable before taking the next: up to <see cref="MaxBatchesAwaitingStorage"/> appends wait together, so
/// one group commit carries all of them instead of one batch per fsync. Deliveries run on their own loop, one batch at
/// a time per queue (so each device sees its readings in order), and never delay the next append.
/// </summary>
public sealed partial class IngestPump(
    IngestQueue queue,
    IHistoryWriter history,
    GrainDelivery delivery,
    IngestStats stats,
    IOptions<IngestOptions> options,
    ILogger<IngestPump> logger) : BackgroundService
{
    /// <summary>Bounds the memory of appends in flight; when the spool is slow (or full) the pump waits here, the queue fills and devices feel it.</summary>
    internal const int MaxBatchesAwaitingStorage = 256;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(DrainAsync(queue.Reliable, durable: true, stoppingToken), DrainAsync(queue.Lossy, durable: false, stoppingToken));

    private async Task DrainAsync(ChannelReader<IngestItem> reader, bool durable, CancellationToken stoppingToken)
    {
        var batchSize = options.Value.BatchSize;
        using var awaitingStorage = new SemaphoreSlim(MaxBatchesAwaitingStorage);

        // Grain calls take longer than appends; on their own loop they never hold up the next append, only the next call.
        var toDeliver = Channel.CreateBounded<List<IngestItem>>(new BoundedChannelOptions(MaxBatchesAwaitingStorage) { SingleReader = true, SingleWriter = true });
        var delivering = DeliverAllAsync(toDeliver.Reader);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<IngestItem>(Math.Min(batchSize, reader.Count + 1));
                while (batch.Count < batchSize && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await awaitingStorage.WaitAsync(stoppingToken);

                // Appended (in queue order) before this call yields; its completion acknowledges the batch later.
                _ = WriteHistoryAsync(batch, durable, awaitingStorage, stoppingToken);
                await toDeliver.Writer.WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; anything still queued was never acknowledged, so devices send it again.
        }

        toDeliver.Writer.TryComplete();
        await delivering;
        for (var i = 0; i < MaxBatchesAwaitingStorage; i++)
        {
            await awaitingStorage.WaitAsync(CancellationToken.None);
        }
    }

    /// <summary>One grain call per device per batch, batches in order, so each device sees its readings in order.</summary>
    private async Task DeliverAllAsync(ChannelReader<List<IngestItem>> batches)
    {
        await foreach (var batch in batches.ReadAllAsync())
        {
            await DeliverAsync(batch);
        }
    }

    private async Task WriteHistoryAsync(List<IngestItem> batch, bool durable, SemaphoreSlim awaitingStorage, CancellationToken stoppingToken)
    {
        try
        {
            await history.WriteAsync(batch, durable, stoppingToken);
            batch.ForEach(item => item.Durable?.TrySetResult());
        }
        catch (Exception ex)
        {
            // Not acknowledged: QoS 1 devices send these again. The grains still get the values.
            var notStored = new NotStoredException($"history could not store a batch of {batch.Count} messages", ex);
            batch.ForEach(item => item.Durable?.TrySetException(notStored));
            stats.HistoryFailed(batch.Count);
            LogHistoryFailed(ex, batch.Count);
        }
        finally
        {
            awaitingStorage.Release();
        }
    }

    private async Task DeliverAsync(List<IngestItem> batch)
    {
        try
        {
            var failed = await delivery.DeliverAsync(batch);
            if (failed > 0)
            {
                stats.DeliveryFailed(failed);
                LogDeliveryFailed(failed, batch.Count);
            }
        }
        catch (Exception ex)
        {
            stats.DeliveryFailed(batch.Count);
            LogBatchFailed(ex, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} device calls failed in a batch of {Count} messages")]
    private partial void LogDeliveryFailed(int failed, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} messages could not be delivered to the grains")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "History could not store a batch of {Count} messages; QoS 1 senders are not acknowledged and will resend")]
    private partial void LogHistoryFailed(Exception exception, int count);
}
