namespace IotService.Contracts.Models;

/// <summary>A property a device model declares.</summary>
[GenerateSerializer, Immutable]
public sealed record PropertyDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Unit = null,
    [property: Id(2)] double? Min = null,
    [property: Id(3)] double? Max = null,
    [property: Id(4)] PropertyVisibility Visibility = PropertyVisibility.Technician,
    [property: Id(5)] string? Label = null);
