using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using Orleans.Serialization;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// A batch on the wire: Orleans' own binary format, which every change type already has (grains hand them to observers),
/// so what another hub receives is exactly what the grain published, with no second JSON shape to keep in step.
/// </summary>
public sealed class ClusterBatchCodec(Serializer serializer)
{
    public byte[] Encode(ClusterBatch batch) =>
        serializer.SerializeToArray((batch.Origin, batch.Devices, batch.Technicians, batch.WorkOrders, batch.Alarms, batch.Users));

    public ClusterBatch Decode(byte[] bytes)
    {
        var (origin, devices, technicians, workOrders, alarms, users) = serializer.Deserialize<(
            Guid, List<DeviceDelta>, List<TechnicianDefinition>, List<WorkOrderChange>, List<AlarmChange>, List<string>)>(bytes);
        return new ClusterBatch(origin, devices ?? [], technicians ?? [], workOrders ?? [], alarms ?? [], users ?? []);
    }
}
