using System.Diagnostics.Metrics;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Diagnostics;

/// <summary>
/// Ingest counters, kept twice on purpose: as <see cref="System.Diagnostics.Metrics"/> instruments
/// for exporters, and as plain totals for <c>/api/ingest/stats</c>. Lock-free; safe from any thread.
/// </summary>
public sealed class IngestStats
{
    public const string MeterName = "IotService.Ingest";

    private readonly long[] _rejected = new long[RejectReasonNames.Count];
    private readonly Counter<long> _acceptedReadingsCounter;
    private readonly Counter<long> _rejectedCounter;
    private readonly Counter<long> _droppedCounter;
    private readonly KeyValuePair<string, object?>[][] _reasonTags;
    private long _acceptedMessages;
    private long _acceptedReadings;
    private long _dropped;
    private long _ignoredValues;
    private long _deliveryFailures;
    private long _historyFailures;

    public IngestStats(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _acceptedReadingsCounter = meter.CreateCounter<long>("iot.ingest.readings.accepted", "{reading}", "Readings accepted");
        _rejectedCounter = meter.CreateCounter<long>("iot.ingest.rejected", "{reading}", "Messages or readings rejected, by reason");
        _droppedCounter = meter.CreateCounter<long>("iot.ingest.dropped", "{message}", "QoS 0 messages dropped because the queue was full");
        meter.CreateObservableGauge("iot.ingest.queue.depth", () => QueueDepth?.Invoke() ?? 0, "{message}", "Messages waiting in the ingest queues");
        _reasonTags = Enum.GetValues<RejectReason>()
            .Select(r => new[] { new KeyValuePair<string, object?>("reason", RejectReasonNames.Of(r)) })
            .ToArray();
    }

    /// <summary>Set by the queue so the gauge and the snapshot can read its depth.</summary>
    public Func<int>? QueueDepth { get; set; }

    public Func<int>? QueueCapacity { get; set; }

    public long AcceptedReadings => Interlocked.Read(ref _acceptedReadings);

    public long RejectedTotal => _rejected.Sum(r => Interlocked.Read(ref r));

    public long Rejected(RejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public void Accepted(int readings)
    {
        Interlocked.Increment(ref _acceptedMessages);
        Interlocked.Add(ref _acceptedReadings, readings);
        _acceptedReadingsCounter.Add(readings);
    }

    public void Reject(RejectReason reason, int count = 1)
    {
        Interlocked.Add(ref _rejected[(int)reason], count);
        _rejectedCounter.Add(count, _reasonTags[(int)reason]);
    }

    public void Dropped()
    {
        Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1);
    }

    public void IgnoredValues(int count) => Interlocked.Add(ref _ignoredValues, count);

    public void DeliveryFailed(int count) => Interlocked.Add(ref _deliveryFailures, count);

    public void HistoryFailed(int count) => Interlocked.Add(ref _historyFailures, count);

    public IngestStatsSnapshot Snapshot(DateTimeOffset at, double acceptedRate, double rejectedRate)
    {
        var rejected = Enum.GetValues<RejectReason>().ToDictionary(RejectReasonNames.Of, Rejected);
        return new IngestStatsSnapshot(
            Interlocked.Read(ref _acceptedMessages),
            AcceptedReadings,
            rejected.Values.Sum(),
            rejected,
            Interlocked.Read(ref _dropped),
            Interlocked.Read(ref _ignoredValues),
            Interlocked.Read(ref _deliveryFailures),
            Interlocked.Read(ref _historyFailures),
            QueueDepth?.Invoke() ?? 0,
            QueueCapacity?.Invoke() ?? 0,
            acceptedRate,
            rejectedRate,
            at);
    }
}
