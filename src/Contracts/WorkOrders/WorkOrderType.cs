namespace IotService.Contracts.WorkOrders;

/// <summary>What a work order is for (SPEC §8).</summary>
public enum WorkOrderType
{
    Repair = 0,
    Installation = 1,
    Preventive = 2,
    Predictive = 3,
    Inspection = 4,
}
