namespace IotService.Storage.History.Spool;

/// <summary>
/// What recovery found on disk: intact segments (sequence, valid length) oldest first, where
/// forwarding resumes, and the highest sequence ever seen (set-aside files included), which new
/// segments must go beyond.
/// </summary>
internal sealed record RecoveredSpool(
    IReadOnlyList<(long Sequence, long Length)> Segments,
    SpoolPosition Checkpoint,
    long PendingRecords,
    IReadOnlyList<(SpoolPosition End, long AppendedAtUnixMs)> PendingAges,
    long TruncatedBytes,
    long LastSequence);
