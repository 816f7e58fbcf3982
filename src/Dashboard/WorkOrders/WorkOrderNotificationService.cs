using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Live;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.WorkOrders;

/// <summary>Sends queued work-order changes, one at a time and in order, to the groups <see cref="WorkOrderRouter"/> names.</summary>
public sealed class WorkOrderNotificationService(WorkOrderNotifier notifier, IHubContext<MapHub> hub, ILogger<WorkOrderNotificationService> logger)
    : LiveEventPump<WorkOrderChange>(notifier.Reader, hub, logger)
{
    protected override string Describe(WorkOrderChange change) => $"{change.Event} of work order {change.Order.Id}";

    protected override Task SendAsync(WorkOrderChange change, CancellationToken cancellationToken)
        => SendLiveAsync(change, WorkOrderRouter.Plan(change), cancellationToken);
}
