using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace IotService.Dashboard.Live;

/// <summary>
/// The hub's side of an event observer: <see cref="Publish"/> only writes to a bounded queue that one
/// <see cref="LiveEventPump{T}"/> drains in order. When the queue is full the oldest waiting event is dropped: the
/// publishing grain must never wait for a slow client, and a later event of the same record carries its newest state.
/// Drops are counted (<c>{instrument}.dropped</c>, with the depth as <c>{instrument}.queue.depth</c>, on meter
/// <see cref="MeterName"/>) and logged, the first and then every thousandth, so a stuck consumer is no log flood.
/// </summary>
public abstract class LiveEventQueue<T>
    where T : notnull
{
    public const string MeterName = "IotService.Notifications";

    private readonly Channel<T> _queue;
    private readonly Counter<long> _droppedCounter;
    private long _dropped;

    /// <param name="what">What the events are, for the instruments' descriptions ("Alarm changes").</param>
    protected LiveEventQueue(int capacity, IMeterFactory meterFactory, string instrument, string what)
    {
        _queue = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
        var meter = meterFactory.Create(MeterName);
        _droppedCounter = meter.CreateCounter<long>(instrument + ".dropped", "{change}", what + " dropped because the notification queue was full");
        meter.CreateObservableGauge(instrument + ".queue.depth", () => _queue.Reader.Count, "{change}", what + " waiting to be sent");
    }

    /// <summary>Events dropped unsent since start.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    public ChannelReader<T> Reader => _queue.Reader;

    public void Publish(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Always accepted: a bounded DropOldest channel that is never completed makes room by dropping (OnDropped).
        _queue.Writer.TryWrite(item);
    }

    /// <param name="total">Drops since start, this one included.</param>
    protected abstract void LogDropped(T item, long total);

    private void OnDropped(T item)
    {
        var total = Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1);
        if (total == 1 || total % 1000 == 0)
        {
            LogDropped(item, total);
        }
    }
}
