namespace IotService.Storage.History;

/// <summary>
/// The history side of <c>/api/ingest/stats</c> and <c>/health</c>: which store, whether it is
/// reachable, and how much waits in the spool in front of it (zero for a local store).
/// </summary>
public sealed record HistoryStatus(
    string Store,
    bool StoreReachable,
    long SpoolBytes,
    long SpoolMaxBytes,
    long SpoolPendingRecords,
    long SpoolDropped,
    long SpoolDeadLetters,
    DateTimeOffset? OldestPending,
    string? LastError);
