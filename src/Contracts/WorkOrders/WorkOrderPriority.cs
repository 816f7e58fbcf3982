namespace IotService.Contracts.WorkOrders;

/// <summary>How urgent a work order is; with the customer's tier it sets the SLA due time.</summary>
public enum WorkOrderPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
