namespace IotService.Contracts.WorkOrders;

/// <summary>
/// A stored change of a work order: <paramref name="Event"/> is <c>created</c> or the step's action (<c>assign</c>,
/// <c>unassign</c>, <c>accept</c>, <c>decline</c>, …), <paramref name="Order"/> the order after it, and
/// <paramref name="PreviousTechnicianId"/> the technician the step took the order from (null when it stayed with its
/// technician or had none), who is told too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkOrderChange(
    [property: Id(0)] string Event,
    [property: Id(1)] WorkOrder Order,
    [property: Id(2)] string? PreviousTechnicianId = null)
{
    /// <summary>The event of a new order.</summary>
    public const string Created = "created";
}
