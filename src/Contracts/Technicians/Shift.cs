namespace IotService.Contracts.Technicians;

/// <summary>Daily working hours in the hub's local time, "HH:mm".</summary>
[GenerateSerializer, Immutable]
public sealed record Shift([property: Id(0)] string Start, [property: Id(1)] string End);
