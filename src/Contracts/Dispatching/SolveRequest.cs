namespace IotService.Contracts.Dispatching;

/// <summary>
/// Body of <c>POST /api/dispatch/solve</c> (SPEC §5): technicians as <c>POST /api/technicians</c> takes them, orders,
/// and the cost settings that override the configured ones.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SolveRequest(
    [property: Id(0)] IReadOnlyList<SolveTechnician> Technicians,
    [property: Id(1)] IReadOnlyList<SolveOrder> Orders,
    [property: Id(2)] double? SpeedKmh = null,
    [property: Id(3)] double? RoadFactor = null);
