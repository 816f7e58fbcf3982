using IotService.Ingest.Directory;
using IotService.Ingest.Pipeline;
using IotService.Storage.History.Spool;

namespace IotService.Ingest.HistoryWriting;

/// <summary>
/// The pipeline's history writer when a remote store sits behind the spool: the spool's group
/// commit is the durability point for QoS 1; QoS 0 batches complete once queued (and are dropped
/// and counted when the spool is full).
/// </summary>
public sealed class SpooledHistoryWriter(WriteAheadSpool spool, DeviceDirectory directory) : IHistoryWriter
{
    public ValueTask WriteAsync(IReadOnlyList<IngestItem> batch, bool durable, CancellationToken cancellationToken)
    {
        var points = HistoryPoints.From(batch, directory);
        return points.Count == 0 ? ValueTask.CompletedTask : spool.AppendAsync(points, durable, cancellationToken);
    }
}
