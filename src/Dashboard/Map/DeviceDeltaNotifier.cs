using System.Diagnostics.Metrics;
using IotService.Contracts.Devices;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Map;

/// <summary>
/// The hub's <see cref="IDeviceDeltaNotifier"/>: merges each device's deltas into one waiting delta
/// (<see cref="DeviceDeltas.Merge"/>), which <see cref="LiveMap"/> takes once a window. Publishing costs a
/// short lock and a merge, never waits for a client and never fails. Waiting deltas are bounded by
/// <see cref="MapOptions.PendingCapacity"/> devices; a delta of a device beyond that is dropped and counted.
/// </summary>
public sealed partial class DeviceDeltaNotifier : IDeviceDeltaNotifier
{
    public const string MeterName = "IotService.Live";

    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly Counter<long> _received;
    private readonly Counter<long> _droppedCounter;
    private readonly ILogger<DeviceDeltaNotifier> _logger;
    private Dictionary<string, CoalescedDelta> _pending = new(StringComparer.Ordinal);
    private long _dropped;

    public DeviceDeltaNotifier(IOptions<MapOptions> options, IMeterFactory meterFactory, ILogger<DeviceDeltaNotifier> logger)
    {
        _capacity = options.Value.PendingCapacity;
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("iot.live.device_deltas.received", "{delta}", "Deltas the device grains sent");
        _droppedCounter = meter.CreateCounter<long>("iot.live.device_deltas.dropped", "{delta}", "Device deltas dropped because too many devices were waiting");
        meter.CreateObservableGauge("iot.live.device_deltas.pending", () => PendingCount, "{device}", "Devices with a delta waiting for the next window");
    }

    /// <summary>Deltas dropped since start.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void Publish(DeviceDelta delta)
    {
        if (delta is null)
        {
            return;
        }

        _received.Add(1);
        lock (_gate)
        {
            if (_pending.TryGetValue(delta.DeviceId, out var waiting))
            {
                _pending[delta.DeviceId] = new CoalescedDelta(DeviceDeltas.Merge(waiting.Delta, delta), waiting.Count + 1);
                return;
            }

            if (_pending.Count < _capacity)
            {
                _pending[delta.DeviceId] = new CoalescedDelta(delta, 1);
                return;
            }
        }

        var total = Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1);
        if (total == 1 || total % 1000 == 0)
        {
            LogDropped(delta.DeviceId, total);
        }
    }

    /// <summary>Every waiting delta, leaving none.</summary>
    public IReadOnlyCollection<CoalescedDelta> Take()
    {
        Dictionary<string, CoalescedDelta> taken;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return [];
            }

            taken = _pending;
            _pending = new Dictionary<string, CoalescedDelta>(StringComparer.Ordinal);
        }

        return taken.Values;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many devices waiting for the map: dropped a delta of {DeviceId} ({Total} dropped since start)")]
    private partial void LogDropped(string deviceId, long total);
}
