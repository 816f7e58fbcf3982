namespace IotService.Contracts.Telemetry;

/// <summary>Readings of one device, oldest first, delivered to its grain in one call.</summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryBatch(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] IReadOnlyList<TelemetryReading> Readings,
    [property: Id(2)] DateTimeOffset ReceivedAt);
