using IotService.Contracts.WorkOrders;

namespace IotService.Dashboard.WorkOrders;

/// <summary>
/// Body of <c>POST /api/work-orders</c>. Type, skill and level default to the device model's <c>workOrder</c>;
/// priority to normal. A customer may report a fault on its own device this way (source <c>customer</c>).
/// </summary>
public sealed record CreateWorkOrderRequest(
    string DeviceId,
    WorkOrderType? Type = null,
    string? Skill = null,
    int? Level = null,
    WorkOrderPriority? Priority = null,
    string? Description = null);
