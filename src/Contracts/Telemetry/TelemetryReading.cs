using IotService.Contracts.Common;

namespace IotService.Contracts.Telemetry;

/// <summary>One validated reading of a device: a timestamp, its values and optionally where the device was.</summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryReading(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] PropertyReading[] Values,
    [property: Id(2)] GeoPoint? Location);
