namespace IotService.Storage.History;

/// <summary>
/// A history store that enforces <see cref="HistoryOptions.RawRetentionDays"/> and
/// <see cref="HistoryOptions.DownsampledRetentionDays"/> when asked. <see cref="HistoryRetentionService"/>
/// asks every hour; a store whose server does this on its own (InfluxDB retention policies and a
/// continuous query) may just make sure those exist.
/// </summary>
public interface IHistoryRetention
{
    /// <summary>
    /// Keeps hourly mean/min/max/count of readings that leave raw retention and deletes what is past
    /// retention. Idempotent: running it again, or after an interrupted run, changes nothing that a
    /// single complete run would not.
    /// </summary>
    Task ApplyRetentionAsync(CancellationToken cancellationToken);
}
