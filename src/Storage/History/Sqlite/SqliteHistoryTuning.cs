namespace IotService.Storage.History.Sqlite;

/// <summary>Sizes of the store's internal steps; tests make them small to exercise merging and chunking.</summary>
/// <param name="MergeThresholdRows">Rows in <c>telemetry_recent</c> at which merging into <c>telemetry</c> starts.</param>
/// <param name="MergeChunkRows">Most rows one merge transaction moves (at least as many as the write group before it).</param>
/// <param name="RetentionRowsPerChunk">Raw rows rolled up, or rollups deleted, per retention transaction.</param>
/// <param name="RetentionSeriesPerChunk">Series visited per retention transaction.</param>
internal sealed record SqliteHistoryTuning(
    int MergeThresholdRows = 100_000,
    int MergeChunkRows = 25_000,
    int RetentionRowsPerChunk = 20_000,
    int RetentionSeriesPerChunk = 1_000)
{
    public static SqliteHistoryTuning Default { get; } = new();
}
