namespace IotService.Storage.History;

/// <summary>
/// Telemetry history (SPEC §3): SQLite embedded, InfluxDB in production. Both answer identical
/// queries identically for identical data; one contract test suite runs against both.
/// </summary>
public interface IHistoryStore
{
    /// <summary>
    /// Writes points; durable when the task completes. Idempotent: writing the same
    /// (device, property, timestamp) again overwrites the value, so a replay after a crash or
    /// an outage never counts a reading twice.
    /// </summary>
    Task WriteAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken);

    /// <summary>Raw points in time order, at most <see cref="HistoryQuery.Limit"/>.</summary>
    Task<IReadOnlyList<RawPoint>> QueryRawAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>Mean/min/max/count per interval, empty intervals left out, in time order.</summary>
    Task<IReadOnlyList<AggregatePoint>> QueryAggregateAsync(HistoryQuery query, TimeSpan interval, CancellationToken cancellationToken);
}
