using IotService.Contracts.Devices;
using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Pipeline;

/// <summary>One accepted MQTT message on its way to history and the device grain: readings, or a status change.</summary>
public sealed record IngestItem(
    string DeviceId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<TelemetryReading> Readings,
    DeviceStatus? Status = null);
