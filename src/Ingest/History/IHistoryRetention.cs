namespace IotService.Ingest.History;

/// <summary>
/// Keeps raw history for <see cref="HistoryOptions.RawRetentionDays"/> and hourly rollups for
/// <see cref="HistoryOptions.DownsampledRetentionDays"/>. Idempotent; the host calls it at start-up and then periodically.
/// </summary>
public interface IHistoryRetention
{
    Task ApplyRetentionAsync(CancellationToken cancellationToken);
}
