namespace IotService.Contracts.Dispatching;

/// <summary>
/// What the planner answers: the plan, or the request's errors by field (as a 400 lists them) when it cannot be
/// planned. Exactly one of the two is set.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SolveResult(
    [property: Id(0)] SolveResponse? Plan,
    [property: Id(1)] IReadOnlyDictionary<string, string[]>? Errors = null);
