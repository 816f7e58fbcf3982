using System.Diagnostics.Metrics;
using System.Threading.Channels;
using IotService.Grains.Alarms;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications;

/// <summary>
/// The hub's <see cref="IAlarmNotifier"/>: <see cref="Publish"/> only writes to a bounded queue, which
/// <see cref="AlarmNotificationService"/> drains. When the queue is full the oldest waiting change is dropped:
/// a device must never wait for a slow client, and the newest state of an alarm is the one worth sending.
/// </summary>
public sealed class AlarmNotifier : IAlarmNotifier
{
    public const string MeterName = "IotService.Notifications";

    private readonly Channel<AlarmChange> _queue;
    private readonly Counter<long> _droppedCounter;
    private readonly ILogger<AlarmNotifier> _logger;
    private long _dropped;

    public AlarmNotifier(IOptions<AlarmNotificationOptions> options, IMeterFactory meterFactory, ILogger<AlarmNotifier> logger)
    {
        _logger = logger;
        _queue = Channel.CreateBounded<AlarmChange>(
            new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
        var meter = meterFactory.Create(MeterName);
        _droppedCounter = meter.CreateCounter<long>("iot.notifications.alarms.dropped", "{change}", "Alarm changes dropped because the notification queue was full");
        meter.CreateObservableGauge("iot.notifications.alarms.queue.depth", () => _queue.Reader.Count, "{change}", "Alarm changes waiting to be sent");
    }

    /// <summary>Changes dropped unsent since start.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    public ChannelReader<AlarmChange> Reader => _queue.Reader;

    public void Publish(AlarmChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Always accepted: a bounded DropOldest channel that is never completed makes room by dropping (OnDropped).
        _queue.Writer.TryWrite(change);
    }

    private void OnDropped(AlarmChange change)
    {
        var total = Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1);
        // First drop and then every thousandth: a stuck consumer must not turn into a log flood.
        if (total == 1 || total % 1000 == 0)
        {
            _logger.AlarmChangeDropped(change.Alarm.Id, change.Event, total);
        }
    }
}
