using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Models;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Ingest.Directory;
using Orleans.Serialization;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// A batch on the wire: Orleans' own binary format, which every change type already has (grains hand them to observers),
/// so what another hub receives is exactly what the grain published, with no second JSON shape to keep in step.
/// </summary>
public sealed class ClusterBatchCodec(Serializer serializer)
{
    public byte[] Encode(ClusterBatch batch) => serializer.SerializeToArray((
        (batch.Origin, batch.Devices, batch.Technicians, batch.WorkOrders, batch.Alarms),
        (batch.Users, batch.Models, batch.Directory.Select(d => (d.Id, d.ModelId, d.CustomerId, d.SecretHash)).ToList())));

    public ClusterBatch Decode(byte[] bytes)
    {
        var ((origin, devices, technicians, workOrders, alarms), (users, models, directory)) = serializer.Deserialize<(
            (Guid, List<DeviceDelta>, List<TechnicianDefinition>, List<WorkOrderChange>, List<AlarmChange>),
            (List<string>, List<DeviceModelDefinition>, List<(string, string, string?, string)>))>(bytes);
        return new ClusterBatch(
            origin, devices ?? [], technicians ?? [], workOrders ?? [], alarms ?? [], users ?? [], models ?? [],
            [.. (directory ?? []).Select(d => new DeviceEntry(d.Item1, d.Item2, d.Item3, d.Item4))]);
    }
}
