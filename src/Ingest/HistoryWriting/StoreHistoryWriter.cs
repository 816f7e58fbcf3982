using IotService.Ingest.Directory;
using IotService.Ingest.Pipeline;
using IotService.Storage.History;

namespace IotService.Ingest.HistoryWriting;

/// <summary>
/// Writes straight into a local, durable store (SQLite): its group commit is the durability point,
/// so no spool is needed in front of it. QoS 0 batches take the same path; they are cheap to keep.
/// </summary>
public sealed class StoreHistoryWriter(IHistoryStore store, DeviceDirectory directory) : IHistoryWriter
{
    public async ValueTask WriteAsync(IReadOnlyList<IngestItem> batch, bool durable, CancellationToken cancellationToken)
    {
        var points = HistoryPoints.From(batch, directory);
        if (points.Count > 0)
        {
            await store.WriteAsync(points, cancellationToken);
        }
    }
}
