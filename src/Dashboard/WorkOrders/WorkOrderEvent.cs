using IotService.Contracts.WorkOrders;

namespace IotService.Dashboard.WorkOrders;

/// <summary>The <c>workOrder</c> message: what happened (<c>created</c> or the step's action) and the order after it.</summary>
public sealed record WorkOrderEvent(string Event, WorkOrder Order);
