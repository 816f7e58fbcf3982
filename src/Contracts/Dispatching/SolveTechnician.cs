using IotService.Contracts.Common;
using IotService.Contracts.Technicians;

namespace IotService.Contracts.Dispatching;

/// <summary>A technician of a what-if plan; <c>openOrders</c> counts against <c>workloadLimit</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record SolveTechnician(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<SkillLevel> Skills,
    [property: Id(2)] GeoPoint Location,
    [property: Id(3)] Shift? Shift = null,
    [property: Id(4)] bool Available = true,
    [property: Id(5)] int WorkloadLimit = 5,
    [property: Id(6)] int OpenOrders = 0,
    [property: Id(7)] IReadOnlyDictionary<string, int>? VanStock = null);
