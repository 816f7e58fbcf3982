using IotService.Ingest.Pipeline;

namespace IotService.Ingest.History;

/// <summary>
/// Where the pump writes telemetry history before readings reach the grains. The task
/// completes once the batch is durable; a QoS 1 acknowledgement may wait for it.
/// </summary>
public interface IHistoryWriter
{
    ValueTask WriteAsync(IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken);
}
