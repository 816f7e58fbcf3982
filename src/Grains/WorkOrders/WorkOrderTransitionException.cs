using IotService.Contracts.WorkOrders;

namespace IotService.Grains.WorkOrders;

/// <summary>A step the work-order lifecycle does not allow from the order's state, or a step missing what it needs.</summary>
public sealed class WorkOrderTransitionException(string message) : Exception(message)
{
    public static WorkOrderTransitionException NotFrom(WorkOrder order, string action, IEnumerable<WorkOrderState> allowed) =>
        new($"Work order '{order.Id}' is {Name(order.State)}; '{action}' is allowed only from {string.Join(", ", allowed.Select(Name))}.");

    public static string Name(WorkOrderState state) => state switch
    {
        WorkOrderState.OnSite => "on-site",
        WorkOrderState.OnHold => "on-hold",
        _ => state.ToString().ToLowerInvariant(),
    };
}
