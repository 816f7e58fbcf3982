namespace IotService.Contracts.WorkOrders;

/// <summary>One transition of a work order, stamped with time and actor (a user name, <c>rule</c> or <c>dispatch</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record WorkOrderStep(
    [property: Id(0)] WorkOrderState State,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Note = null);
