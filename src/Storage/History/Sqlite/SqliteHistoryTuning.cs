namespace IotService.Storage.History.Sqlite;

/// <summary>Sizes of the store's internal steps; tests make them small to exercise chunking.</summary>
/// <param name="RetentionRowsPerChunk">Raw rows rolled up, or rollups deleted, per retention transaction.</param>
/// <param name="RetentionSeriesPerChunk">Series visited per retention transaction.</param>
internal sealed record SqliteHistoryTuning(
    int RetentionRowsPerChunk = 20_000,
    int RetentionSeriesPerChunk = 1_000)
{
    public static SqliteHistoryTuning Default { get; } = new();
}
