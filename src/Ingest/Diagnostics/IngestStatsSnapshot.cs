namespace IotService.Ingest.Diagnostics;

/// <summary>
/// What <c>GET /api/ingest/stats</c> answers. <see cref="RateLimited"/>: QoS 0 messages dropped over their device's
/// rate; <see cref="RateDelayed"/>: QoS 1 messages held until a token was free; <see cref="ConnectionsRefused"/>:
/// MQTT connections refused or cut by the broker's limits, by reason.
/// </summary>
public sealed record IngestStatsSnapshot(
    long AcceptedMessages,
    long AcceptedReadings,
    long RejectedTotal,
    IReadOnlyDictionary<string, long> Rejected,
    long Dropped,
    long RateLimited,
    long RateDelayed,
    IReadOnlyDictionary<string, long> ConnectionsRefused,
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
    public Storage.History.HistoryStatus? History { get; init; }
}
