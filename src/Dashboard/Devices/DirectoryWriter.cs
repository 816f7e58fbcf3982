using IotService.Contracts.Models;
using IotService.Dashboard.Cluster;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Devices;

/// <summary>
/// Changes this hub makes to the ingest directory (a registration, a customer claiming a device, a saved model): applied
/// here at once and, in a cluster, sent to the other hubs with the next batch of live events, so a device registered on
/// one hub is known to all of them before its first reading arrives, instead of after the next catalog poll.
/// </summary>
/// <param name="outbox">Null with one hub.</param>
public sealed class DirectoryWriter(DeviceDirectory directory, ClusterOutbox? outbox = null)
{
    public void Upsert(DeviceEntry device)
    {
        directory.Upsert(device);
        outbox?.Add(device);
    }

    public void Upsert(DeviceModelDefinition model)
    {
        directory.Upsert(model);
        outbox?.Add(model);
    }
}
