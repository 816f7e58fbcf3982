using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Live;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.WorkOrders;

/// <summary>Tells the map hub's clients about a work-order change: staff, the order's customer, and the technicians concerned.</summary>
public sealed partial class WorkOrderEvents(IHubContext<MapHub> hub, ILogger<WorkOrderEvents> logger)
{
    /// <param name="previousTechnician">Who had the order before the step (told when it is taken from them).</param>
    public async Task PublishAsync(string change, WorkOrder order, string? previousTechnician = null)
    {
        List<string> groups = [LiveGroups.Staff];
        foreach (var technician in new[] { order.TechnicianId, previousTechnician }.OfType<string>().Distinct())
        {
            groups.Add(LiveGroups.Technician(technician));
        }

        try
        {
            await hub.Clients.Groups(groups).SendAsync(LiveMethods.WorkOrder, new WorkOrderEvent(change, order));

            // The customer gets its own view: the order may describe a value it must not see.
            if (order.CustomerId is { } customer)
            {
                await hub.Clients.Group(LiveGroups.Customer(customer)).SendAsync(LiveMethods.WorkOrder, new WorkOrderEvent(change, WorkOrderVisibility.ForCustomer(order)));
            }
        }
        catch (Exception e)
        {
            // The change is stored; a client that misses the event sees it on its next list.
            LogSendFailed(e, order.Id, change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work-order event {Change} of {WorkOrderId} not sent")]
    private partial void LogSendFailed(Exception exception, string workOrderId, string change);
}

/// <summary>The <c>workOrder</c> message: what happened (<c>created</c> or the step's action) and the order after it.</summary>
public sealed record WorkOrderEvent(string Event, WorkOrder Order);
