using System.Diagnostics.Metrics;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Live;
using IotService.Dashboard.Notifications;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.WorkOrders;

/// <summary>
/// The hub's <see cref="IWorkOrderNotifier"/>: queues the work-order grains' changes (at most
/// <see cref="AlarmNotificationOptions.QueueCapacity"/>, the oldest dropped) for <see cref="WorkOrderNotificationService"/>.
/// </summary>
public sealed partial class WorkOrderNotifier(IOptions<AlarmNotificationOptions> options, IMeterFactory meterFactory, ILogger<WorkOrderNotifier> logger)
    : LiveEventQueue<WorkOrderChange>(options.Value.QueueCapacity, meterFactory, "iot.notifications.workorders", "Work-order changes"), IWorkOrderNotifier
{
    protected override void LogDropped(WorkOrderChange change, long total) => LogChangeDropped(change.Order.Id, change.Event, total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work-order event queue full: dropped {Event} of {WorkOrderId} ({Total} dropped since start)")]
    private partial void LogChangeDropped(string workOrderId, string @event, long total);
}
