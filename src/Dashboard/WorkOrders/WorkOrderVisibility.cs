using IotService.Contracts.WorkOrders;

namespace IotService.Dashboard.WorkOrders;

/// <summary>
/// What a customer may see of a work order. An order raised by an alarm describes the alarm, and when the alarm's
/// property is shown to technicians only, that description (and the history step that repeats it) carries a value
/// the customer must not receive: they get the order's <see cref="WorkOrder.CustomerDescription"/> instead.
/// </summary>
public static class WorkOrderVisibility
{
    /// <summary>For alarm orders stored before the customer description existed: nothing of the alarm is repeated.</summary>
    public const string WithheldDescription = "Raised by an alarm on this device; a technician will look into it.";

    public static WorkOrder ForCustomer(WorkOrder order)
    {
        var shown = order.CustomerDescription ?? (order.Source == WorkOrderSource.Alarm ? WithheldDescription : null);
        if (shown is null || order.Description is not { } hidden)
        {
            return order;
        }

        return order with
        {
            Description = shown,
            History = [.. order.History.Select(step => step.Note == hidden ? step with { Note = shown } : step)],
        };
    }

    public static IReadOnlyList<WorkOrder> ForCustomer(IReadOnlyList<WorkOrder> orders) => [.. orders.Select(ForCustomer)];
}
