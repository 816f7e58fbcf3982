using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Map;
using IotService.Dashboard.Notifications;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// In a cluster, what the grains of this hub publish goes to this hub's own receivers as before and into
/// <see cref="ClusterOutbox"/> for the others, so every hub's live map is whole and every hub's clients see every change.
/// Returns at once like the receivers it stands in for.
/// </summary>
public sealed class ClusterNotifiers(
    DeviceDeltaNotifier devices,
    TechnicianBoard technicians,
    WorkOrderFanOut workOrders,
    AlarmNotifier alarms,
    ClusterOutbox outbox) : IDeviceDeltaNotifier, ITechnicianNotifier, IWorkOrderNotifier, IAlarmNotifier
{
    public void Publish(DeviceDelta delta)
    {
        devices.Publish(delta);
        outbox.Add(delta);
    }

    public void Publish(TechnicianDefinition technician)
    {
        technicians.Publish(technician);
        outbox.Add(technician);
    }

    public void Publish(WorkOrderChange change)
    {
        workOrders.Publish(change);
        outbox.Add(change);
    }

    public void Publish(AlarmChange change)
    {
        alarms.Publish(change);
        outbox.Add(change);
    }
}
