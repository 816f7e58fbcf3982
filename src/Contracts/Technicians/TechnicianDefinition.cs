using IotService.Contracts.Common;

namespace IotService.Contracts.Technicians;

/// <summary>A field technician: skills, where they are, when they work and what their van carries.</summary>
[GenerateSerializer, Immutable]
public sealed record TechnicianDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<SkillLevel> Skills,
    [property: Id(3)] GeoPoint? Location = null,
    [property: Id(4)] Shift? Shift = null,
    [property: Id(5)] IReadOnlyDictionary<string, int>? VanStock = null,
    [property: Id(6)] GeoPoint? HomeBase = null,
    [property: Id(7)] bool Available = true,
    [property: Id(8)] int WorkloadLimit = 5,
    [property: Id(9)] DateTimeOffset? UpdatedAt = null);
