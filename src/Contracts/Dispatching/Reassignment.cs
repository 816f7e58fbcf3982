namespace IotService.Contracts.Dispatching;

/// <summary>Another order the override moves: its technician in the plan and in the pinned plan (null: none).</summary>
[GenerateSerializer, Immutable]
public sealed record Reassignment(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string? FromTechnicianId,
    [property: Id(2)] string? ToTechnicianId);
