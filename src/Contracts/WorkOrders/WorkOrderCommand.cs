namespace IotService.Contracts.WorkOrders;

/// <summary>
/// One step asked of a work order (SPEC §8): <c>assign, accept, decline, travel, start, complete, close, cancel,
/// hold, resume, rate</c>, and <c>unassign</c> (dispatch taking back an order nobody accepted in time).
/// Each step reads the fields it needs.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkOrderCommand(
    [property: Id(0)] string Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? TechnicianId = null,
    [property: Id(3)] string? Note = null,
    [property: Id(4)] WorkOrderCompletion? Completion = null,
    [property: Id(5)] int? Rating = null,
    [property: Id(6)] string? Comment = null);
