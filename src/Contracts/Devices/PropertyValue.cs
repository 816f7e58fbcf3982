namespace IotService.Contracts.Devices;

/// <summary>The last value of a property and the reading time it carried.</summary>
[GenerateSerializer, Immutable]
public sealed record PropertyValue([property: Id(0)] double Value, [property: Id(1)] DateTimeOffset Timestamp);
