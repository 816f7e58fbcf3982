namespace IotService.Storage.History.Spool;

/// <summary>A snapshot of the write-ahead spool, for <c>/api/ingest/stats</c> and metrics.</summary>
/// <param name="Bytes">Size of the segment files now, at most <see cref="SpoolOptions.MaxBytes"/>.</param>
/// <param name="PendingRecords">Durable records (appended batches) not yet confirmed by the store.</param>
/// <param name="Segments">Segment files on disk, the one being written included.</param>
/// <param name="Dropped">Readings of non-durable (QoS 0) appends refused because the spool was full, since start.</param>
/// <param name="OldestPending">When the oldest record not yet forwarded was appended: how far behind the store is.</param>
/// <param name="LastForwardError">Why the last attempt to reach the store failed; null once it succeeds again.</param>
/// <param name="StoreReachable">False from a failed attempt until the next successful one.</param>
/// <param name="DeadLetters">Readings the store rejected for good, moved to the rejected folder, since start.</param>
/// <param name="Fsyncs">Group commits (one fsync each) since start.</param>
public sealed record SpoolStats(
    long Bytes,
    long PendingRecords,
    int Segments,
    long Dropped,
    DateTimeOffset? OldestPending,
    string? LastForwardError,
    bool StoreReachable,
    long DeadLetters,
    long Fsyncs);
