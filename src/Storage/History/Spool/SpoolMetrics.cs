using System.Diagnostics.Metrics;

namespace IotService.Storage.History.Spool;

/// <summary>The spool's state as observable instruments on the ingest meter, read from <see cref="WriteAheadSpool.Stats"/> at collection time.</summary>
internal static class SpoolMetrics
{
    /// <summary>The ingest meter: the spool is a hop of a reading's path, and one subscription should see the whole path.</summary>
    public const string MeterName = "IotService.Ingest";

    public static void Observe(WriteAheadSpool spool, IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("iot.spool.bytes", () => spool.Stats.Bytes, "By", "Size of the history spool's segment files");
        meter.CreateObservableGauge("iot.spool.pending", () => spool.Stats.PendingRecords, "{record}", "Spooled batches the history store has not confirmed yet");
        meter.CreateObservableGauge("iot.spool.store_reachable", () => spool.Stats.StoreReachable ? 1 : 0, null, "1 while the history store accepts writes");
        meter.CreateObservableCounter("iot.spool.dropped", () => spool.Stats.Dropped, "{reading}", "QoS 0 readings dropped because the spool was full");
        meter.CreateObservableCounter("iot.spool.dead_letters", () => spool.Stats.DeadLetters, "{reading}", "Readings the history store rejected for good");
        meter.CreateObservableCounter("iot.spool.fsyncs", () => spool.Stats.Fsyncs, "{fsync}", "Group commits of the history spool");
    }
}
