namespace IotService.Ingest.Diagnostics;

/// <summary>What <c>GET /api/ingest/stats</c> answers.</summary>
public sealed record IngestStatsSnapshot(
    long AcceptedMessages,
    long AcceptedReadings,
    long RejectedTotal,
    IReadOnlyDictionary<string, long> Rejected,
    long Dropped,
    long IgnoredValues,
    long DeliveryFailures,
    long HistoryFailures,
    int QueueDepth,
    int QueueCapacity,
    double AcceptedReadingsPerSecond,
    double RejectedPerSecond,
    DateTimeOffset At)
{
    /// <summary>The history store and its spool; filled in by the API.</summary>
    public History.HistoryStatus? History { get; init; }
}
