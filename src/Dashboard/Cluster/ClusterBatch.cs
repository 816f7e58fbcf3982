using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// What one hub's grains published during one flush window, for every other hub: the device deltas (merged per device),
/// technician, work-order and alarm changes in the order they were published, and the ids of accounts written.
/// </summary>
public sealed record ClusterBatch(
    Guid Origin,
    List<DeviceDelta> Devices,
    List<TechnicianDefinition> Technicians,
    List<WorkOrderChange> WorkOrders,
    List<AlarmChange> Alarms,
    List<string> Users)
{
    public int Count => Devices.Count + Technicians.Count + WorkOrders.Count + Alarms.Count + Users.Count;
}
