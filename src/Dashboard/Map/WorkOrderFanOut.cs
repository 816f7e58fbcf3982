using IotService.Contracts.WorkOrders;
using IotService.Dashboard.WorkOrders;

namespace IotService.Dashboard.Map;

/// <summary>
/// The hub's <see cref="IWorkOrderNotifier"/>: each change goes to the <c>workOrder</c> events (<see cref="WorkOrderNotifier"/>)
/// and to the <see cref="TechnicianBoard"/>, which follows who is on which order. Both only queue or note, so it returns at once.
/// </summary>
public sealed class WorkOrderFanOut(WorkOrderNotifier events, TechnicianBoard technicians) : IWorkOrderNotifier
{
    public void Publish(WorkOrderChange change)
    {
        events.Publish(change);
        technicians.OnWorkOrder(change.Order);
    }
}
