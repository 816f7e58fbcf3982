using IotService.Contracts.Common;

namespace IotService.Contracts.Dispatching;

/// <summary>
/// An order of a what-if plan: <c>{"id","location","skill","level"}</c>, optionally its SLA due time, the parts it
/// needs (part → count) and the technicians who must not be offered it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SolveOrder(
    [property: Id(0)] string Id,
    [property: Id(1)] GeoPoint Location,
    [property: Id(2)] string Skill,
    [property: Id(3)] int Level = 1,
    [property: Id(4)] DateTimeOffset? DueAt = null,
    [property: Id(5)] IReadOnlyDictionary<string, int>? Parts = null,
    [property: Id(6)] IReadOnlyList<string>? ExcludedTechnicianIds = null);
