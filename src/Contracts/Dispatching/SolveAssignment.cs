namespace IotService.Contracts.Dispatching;

/// <summary>One order of a plan and the technician it goes to, with the cost in minutes.</summary>
[GenerateSerializer, Immutable]
public sealed record SolveAssignment(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string TechnicianId,
    [property: Id(2)] double Cost);
