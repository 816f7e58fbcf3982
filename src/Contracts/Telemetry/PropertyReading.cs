namespace IotService.Contracts.Telemetry;

/// <summary>One property's value in a reading; booleans arrive as 0/1.</summary>
[GenerateSerializer, Immutable]
public readonly record struct PropertyReading([property: Id(0)] string Property, [property: Id(1)] double Value);
