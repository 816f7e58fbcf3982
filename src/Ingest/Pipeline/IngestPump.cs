using System.Threading.Channels;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Pipeline;

/// <summary>
/// Drains both ingest queues in batches: history first (so that durability can gate the
/// acknowledgement), then one grain call per device per batch.
/// </summary>
public sealed partial class IngestPump(
    IngestQueue queue,
    IHistoryWriter history,
    GrainDelivery delivery,
    IngestStats stats,
    IOptions<IngestOptions> options,
    ILogger<IngestPump> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(DrainAsync(queue.Reliable, stoppingToken), DrainAsync(queue.Lossy, stoppingToken));

    private async Task DrainAsync(ChannelReader<IngestItem> reader, CancellationToken stoppingToken)
    {
        var batchSize = options.Value.BatchSize;
        var batch = new List<IngestItem>(batchSize);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < batchSize && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await ProcessAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ProcessAsync(List<IngestItem> batch, CancellationToken stoppingToken)
    {
        try
        {
            await history.WriteAsync(batch, stoppingToken);
            var failed = await delivery.DeliverAsync(batch);
            if (failed > 0)
            {
                stats.DeliveryFailed(failed);
                LogDeliveryFailed(failed, batch.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stats.DeliveryFailed(batch.Count);
            LogBatchFailed(ex, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} device calls failed in a batch of {Count} messages")]
    private partial void LogDeliveryFailed(int failed, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} messages could not be processed")]
    private partial void LogBatchFailed(Exception exception, int count);
}
