using System.Diagnostics.Metrics;

namespace IotService.Dashboard.Cluster;

/// <summary>Live events this hub sent to, received from, and could not send to the other hubs (meter <c>IotService.Cluster</c>).</summary>
public sealed class ClusterRelayCounters
{
    public const string MeterName = "IotService.Cluster";

    private readonly Counter<long> _sentCounter;
    private readonly Counter<long> _receivedCounter;
    private readonly Counter<long> _droppedCounter;
    private long _sent;
    private long _received;
    private long _dropped;

    public ClusterRelayCounters(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _sentCounter = meter.CreateCounter<long>("iot.cluster.events.sent", "{event}", "Live events sent to the other hubs");
        _receivedCounter = meter.CreateCounter<long>("iot.cluster.events.received", "{event}", "Live events received from the other hubs");
        _droppedCounter = meter.CreateCounter<long>("iot.cluster.events.dropped", "{event}", "Live events not sent because Redis did not take them");
    }

    public long SentCount => Interlocked.Read(ref _sent);

    public long ReceivedCount => Interlocked.Read(ref _received);

    public long DroppedCount => Interlocked.Read(ref _dropped);

    public void Sent(int count)
    {
        Interlocked.Add(ref _sent, count);
        _sentCounter.Add(count);
    }

    public void Received(int count)
    {
        Interlocked.Add(ref _received, count);
        _receivedCounter.Add(count);
    }

    public void Dropped(int count)
    {
        Interlocked.Add(ref _dropped, count);
        _droppedCounter.Add(count);
    }
}
