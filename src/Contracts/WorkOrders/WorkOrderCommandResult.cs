namespace IotService.Contracts.WorkOrders;

/// <summary>How a step went: done (with the order after it), no such order, or refused with the reason.</summary>
public enum WorkOrderCommandOutcome
{
    Done = 0,
    NotFound = 1,
    Conflict = 2,
}

[GenerateSerializer, Immutable]
public sealed record WorkOrderCommandResult(
    [property: Id(0)] WorkOrderCommandOutcome Outcome,
    [property: Id(1)] WorkOrder? Order,
    [property: Id(2)] string? Error = null);
