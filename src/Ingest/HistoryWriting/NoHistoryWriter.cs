using IotService.Ingest.Pipeline;

namespace IotService.Ingest.HistoryWriting;

/// <summary>Keeps no history: used until a history store is configured.</summary>
public sealed class NoHistoryWriter : IHistoryWriter
{
    public ValueTask WriteAsync(IReadOnlyList<IngestItem> batch, bool durable, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
