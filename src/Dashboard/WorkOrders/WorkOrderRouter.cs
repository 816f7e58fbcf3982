using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Live;

namespace IotService.Dashboard.WorkOrders;

/// <summary>
/// Decides who hears of a work-order change (SPEC §5): staff, the technician who has the order and the one the step
/// took it from, and the order's customer — who gets its own view (<see cref="WorkOrderVisibility"/>), since the order
/// may describe a value the customer must not see. Pure.
/// </summary>
public static class WorkOrderRouter
{
    public static IReadOnlyList<LiveMessage> Plan(WorkOrderChange change)
    {
        var order = change.Order;
        var full = new WorkOrderEvent(change.Event, order);
        List<LiveMessage> messages = [new(LiveGroups.Staff, LiveMethods.WorkOrder, full)];
        foreach (var technician in new[] { order.TechnicianId, change.PreviousTechnicianId }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            messages.Add(new(LiveGroups.Technician(technician), LiveMethods.WorkOrder, full));
        }

        if (order.CustomerId is { } customer)
        {
            messages.Add(new(LiveGroups.Customer(customer), LiveMethods.WorkOrder, new WorkOrderEvent(change.Event, WorkOrderVisibility.ForCustomer(order))));
        }

        return messages;
    }
}
