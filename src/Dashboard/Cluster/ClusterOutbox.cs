using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Models;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Map;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// Changes of this hub's grains waiting for the next flush to the other hubs. Adding costs a short lock and never waits
/// for Redis. A device's deltas merge into one (as <see cref="DeviceDeltaNotifier"/> does), so a busy device sends one
/// delta a window whatever its rate; the other changes are few and kept in order.
/// </summary>
public sealed class ClusterOutbox
{
    private readonly Lock _gate = new();
    private Dictionary<string, DeviceDelta> _devices = new(StringComparer.Ordinal);
    private List<TechnicianDefinition> _technicians = [];
    private List<WorkOrderChange> _workOrders = [];
    private List<AlarmChange> _alarms = [];
    private List<string> _users = [];
    private List<DeviceModelDefinition> _models = [];
    private List<DeviceEntry> _directory = [];

    /// <summary>This process, so a hub skips its own batches when they come back from Redis.</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    public void Add(DeviceDelta delta)
    {
        lock (_gate)
        {
            _devices[delta.DeviceId] = _devices.TryGetValue(delta.DeviceId, out var waiting) ? DeviceDeltas.Merge(waiting, delta) : delta;
        }
    }

    public void Add(TechnicianDefinition technician)
    {
        lock (_gate)
        {
            _technicians.Add(technician);
        }
    }

    public void Add(WorkOrderChange change)
    {
        lock (_gate)
        {
            _workOrders.Add(change);
        }
    }

    public void Add(AlarmChange change)
    {
        lock (_gate)
        {
            _alarms.Add(change);
        }
    }

    public void AddUser(string userId)
    {
        lock (_gate)
        {
            _users.Add(userId);
        }
    }

    public void Add(DeviceModelDefinition model)
    {
        lock (_gate)
        {
            _models.Add(model);
        }
    }

    public void Add(DeviceEntry device)
    {
        lock (_gate)
        {
            _directory.Add(device);
        }
    }

    /// <summary>Everything waiting, leaving nothing; null when nothing waits.</summary>
    public ClusterBatch? Take()
    {
        lock (_gate)
        {
            if (_devices.Count + _technicians.Count + _workOrders.Count + _alarms.Count + _users.Count + _models.Count + _directory.Count == 0)
            {
                return null;
            }

            var batch = new ClusterBatch(Origin, [.. _devices.Values], _technicians, _workOrders, _alarms, _users, _models, _directory);
            _devices = new(StringComparer.Ordinal);
            _technicians = [];
            _workOrders = [];
            _alarms = [];
            _users = [];
            _models = [];
            _directory = [];
            return batch;
        }
    }
}
