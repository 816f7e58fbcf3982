namespace IotService.Contracts.WorkOrders;

/// <summary>What created a work order: an alarm (automatic), a customer's report, or a person at the office.</summary>
public enum WorkOrderSource
{
    Alarm = 0,
    Customer = 1,
    Manual = 2,
}
