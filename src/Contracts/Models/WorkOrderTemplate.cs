namespace IotService.Contracts.Models;

/// <summary>The work order an alarm of this model raises when its severity's actions say so.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkOrderTemplate(
    [property: Id(0)] string Type,
    [property: Id(1)] string Skill,
    [property: Id(2)] int Level = 1,
    [property: Id(3)] string? Priority = null);
