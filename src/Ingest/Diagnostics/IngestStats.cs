using System.Diagnostics.Metrics;
using IotService.Ingest.Mqtt.Limits;
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
    private readonly long[] _refused = new long[SnakeCaseNames<ConnectionRefusal>.Count];
    private readonly Counter<long> _acceptedReadingsCounter;
    private readonly Counter<long> _rejectedCounter;
    private readonly Counter<long> _droppedCounter;
    private readonly Counter<long> _rateLimitedCounter;
    private readonly Counter<long> _refusedCounter;
    private readonly KeyValuePair<string, object?>[][] _reasonTags;
    private readonly KeyValuePair<string, object?>[][] _refusalTags;
    private long _acceptedMessages;
    private long _acceptedReadings;
    private long _dropped;
    private long _rateLimited;
    private long _rateDelayed;
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
        _rateLimitedCounter = meter.CreateCounter<long>("iot.ingest.rate_limited", "{message}", "Messages over a device's rate: QoS 0 dropped, QoS 1 delayed (tag action)");
        _refusedCounter = meter.CreateCounter<long>("iot.mqtt.connections.refused", "{connection}", "MQTT connections refused or cut by the broker's limits, by reason");
        _reasonTags = Enum.GetValues<RejectReason>()
            .Select(r => new[] { new KeyValuePair<string, object?>("reason", RejectReasonNames.Of(r)) })
            .ToArray();
        _refusalTags = Enum.GetValues<ConnectionRefusal>()
            .Select(r => new[] { new KeyValuePair<string, object?>("reason", SnakeCaseNames<ConnectionRefusal>.Of(r)) })
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

    /// <summary>A message over its device's rate: dropped (QoS 0) or delayed until a token was free (QoS 1).</summary>
    public void RateLimited(bool reliable)
    {
        Interlocked.Increment(ref reliable ? ref _rateDelayed : ref _rateLimited);
        _rateLimitedCounter.Add(1, new KeyValuePair<string, object?>("action", reliable ? "delayed" : "dropped"));
    }

    public long RefusedCount(ConnectionRefusal reason) => Interlocked.Read(ref _refused[(int)reason]);

    public void Refused(ConnectionRefusal reason)
    {
        Interlocked.Increment(ref _refused[(int)reason]);
        _refusedCounter.Add(1, _refusalTags[(int)reason]);
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
            Interlocked.Read(ref _rateLimited),
            Interlocked.Read(ref _rateDelayed),
            Enum.GetValues<ConnectionRefusal>().ToDictionary(SnakeCaseNames<ConnectionRefusal>.Of, RefusedCount),
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
