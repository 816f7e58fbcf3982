using IotService.Contracts.Models;
using IotService.Contracts.WorkOrders;

namespace IotService.Grains.WorkOrders;

/// <summary>Reads a model's <c>workOrder</c> template (its type and priority are strings in the model) for a new work order.</summary>
public static class WorkOrderTemplates
{
    public static WorkOrderType Type(WorkOrderTemplate? template) =>
        Enum.TryParse<WorkOrderType>(template?.Type, ignoreCase: true, out var type) ? type : WorkOrderType.Repair;

    public static WorkOrderPriority Priority(WorkOrderTemplate? template, WorkOrderPriority fallback) =>
        Enum.TryParse<WorkOrderPriority>(template?.Priority, ignoreCase: true, out var priority) ? priority : fallback;
}
