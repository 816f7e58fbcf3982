namespace IotService.Contracts.Telemetry;

/// <summary>
/// Readings of one device, oldest first, delivered to its grain in one call. <see cref="ModelVersion"/> is the
/// model version ingest validated them against, so the grain knows when its copy of the rules is stale.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryBatch(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] IReadOnlyList<TelemetryReading> Readings,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] int ModelVersion = 0);
