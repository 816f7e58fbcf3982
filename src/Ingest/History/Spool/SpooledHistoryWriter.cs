using IotService.Ingest.Pipeline;

namespace IotService.Ingest.History.Spool;

/// <summary>
/// The pipeline's history writer when history goes through the spool: turns ingest items into
/// history points tagged with the device's model and customer, and appends them.
/// </summary>
/// <param name="spool">Where the points go.</param>
/// <param name="deviceTags">The device's model and customer (the host passes a lookup into its device directory); null for a device it no longer knows.</param>
public sealed class SpooledHistoryWriter(WriteAheadSpool spool, Func<string, (string ModelId, string? CustomerId)?> deviceTags) : IHistoryWriter
{
    private long _unknownDevices;

    /// <summary>Readings skipped because their device was gone from the directory by the time they were written.</summary>
    public long UnknownDeviceReadings => Interlocked.Read(ref _unknownDevices);

    /// <summary>Completes once the batch is durable in the spool.</summary>
    public ValueTask WriteAsync(IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken)
        => WriteAsync(batch, waitForDurable: true, cancellationToken);

    /// <summary>
    /// With <paramref name="waitForDurable"/> false (QoS 0) the task completes once the batch is
    /// queued, and the batch is dropped (and counted) if the spool is full.
    /// </summary>
    public ValueTask WriteAsync(IReadOnlyList<IngestItem> batch, bool waitForDurable, CancellationToken cancellationToken)
    {
        var points = ToPoints(batch);
        return points.Count == 0 ? ValueTask.CompletedTask : spool.AppendAsync(points, waitForDurable, cancellationToken);
    }

    private List<HistoryPoint> ToPoints(IReadOnlyList<IngestItem> batch)
    {
        var points = new List<HistoryPoint>();
        string? lastDevice = null;
        (string ModelId, string? CustomerId)? tags = null;
        foreach (var item in batch)
        {
            // Status changes carry no readings and have no place in telemetry history.
            if (item.Readings.Count == 0)
            {
                continue;
            }

            // Batches often hold runs of one device: look it up once per run.
            if (!string.Equals(item.DeviceId, lastDevice, StringComparison.Ordinal))
            {
                lastDevice = item.DeviceId;
                tags = deviceTags(item.DeviceId);
            }

            if (tags is not { } known)
            {
                Interlocked.Add(ref _unknownDevices, item.Readings.Count);
                continue;
            }

            foreach (var reading in item.Readings)
            {
                points.Add(new HistoryPoint(item.DeviceId, known.ModelId, known.CustomerId, reading.Timestamp, reading.Values));
            }
        }

        return points;
    }
}
