using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Models;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// What one hub's grains published during one flush window, for every other hub: the device deltas (merged per device),
/// technician, work-order and alarm changes in the order they were published, the ids of accounts written, and the
/// device models and directory entries this hub saved (<see cref="Devices.DirectoryWriter"/>).
/// </summary>
public sealed record ClusterBatch(
    Guid Origin,
    List<DeviceDelta> Devices,
    List<TechnicianDefinition> Technicians,
    List<WorkOrderChange> WorkOrders,
    List<AlarmChange> Alarms,
    List<string> Users,
    List<DeviceModelDefinition> Models,
    List<DeviceEntry> Directory)
{
    public int Count => Devices.Count + Technicians.Count + WorkOrders.Count + Alarms.Count + Users.Count + Models.Count + Directory.Count;
}
