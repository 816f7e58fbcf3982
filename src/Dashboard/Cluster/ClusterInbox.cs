using IotService.Dashboard.Map;
using IotService.Dashboard.Notifications;
using IotService.Dashboard.Users;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// Hands another hub's batch to this hub's receivers, as if this hub's own grains had published it: the live map and
/// the technician board take the deltas, clients get the work-order and alarm events (webhooks stay with the hub where
/// the alarm changed), accounts written elsewhere are read again so caches and open connections follow at once, and
/// ingest learns of devices and models saved elsewhere.
/// </summary>
public sealed class ClusterInbox(
    DeviceDirectory directory,
    DeviceDeltaNotifier devices,
    TechnicianBoard technicians,
    WorkOrderFanOut workOrders,
    AlarmNotifier alarms,
    IDocumentCatalog catalog,
    IEnumerable<IUserChangeListener> listeners)
{
    // The relay listens for this hub's own account writes; handing it another hub's would send them back.
    private readonly IUserChangeListener[] _local = [.. listeners.Where(l => l is not ClusterUserRelay)];

    public async Task DeliverAsync(ClusterBatch batch, CancellationToken cancellationToken)
    {
        // Models and devices first: a reading of a device registered elsewhere may be on its way here already.
        foreach (var model in batch.Models)
        {
            directory.Upsert(model);
        }

        foreach (var device in batch.Directory)
        {
            directory.Upsert(device);
        }

        foreach (var delta in batch.Devices)
        {
            devices.Publish(delta);
        }

        foreach (var technician in batch.Technicians)
        {
            technicians.Publish(technician);
        }

        foreach (var change in batch.WorkOrders)
        {
            workOrders.Publish(change);
        }

        foreach (var change in batch.Alarms)
        {
            alarms.PublishFromAnotherHub(change);
        }

        foreach (var userId in batch.Users.Distinct(StringComparer.Ordinal))
        {
            if (await catalog.FindAsync(userId, cancellationToken) is { } user)
            {
                foreach (var listener in _local)
                {
                    await listener.UserChangedAsync(user, cancellationToken);
                }
            }
        }
    }
}
