namespace IotService.Contracts.Dispatching;

/// <summary>Answer of <c>POST /api/dispatch/solve</c>: costs in minutes; <c>lowerBound</c> (the dual) equals <c>totalCost</c> at the optimum.</summary>
[GenerateSerializer, Immutable]
public sealed record SolveResponse(
    [property: Id(0)] IReadOnlyList<SolveAssignment> Assignments,
    [property: Id(1)] IReadOnlyList<string> Unassigned,
    [property: Id(2)] double TotalCost,
    [property: Id(3)] double LowerBound);
