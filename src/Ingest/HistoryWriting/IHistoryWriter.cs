using IotService.Ingest.Pipeline;

namespace IotService.Ingest.HistoryWriting;

/// <summary>
/// Where the pump writes telemetry history before readings reach the grains.
/// </summary>
public interface IHistoryWriter
{
    /// <param name="durable">
    /// True for the QoS 1 queue: complete only once the batch survives a crash (store or spool,
    /// group-committed). False for QoS 0: complete once the batch is on its way.
    /// </param>
    ValueTask WriteAsync(IReadOnlyList<IngestItem> batch, bool durable, CancellationToken cancellationToken);
}
