using IotService.Contracts.Devices;
using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Pipeline;

/// <summary>One accepted MQTT message on its way to history and the device grain: readings, or a status change.</summary>
/// <param name="Durable">
/// Set for QoS 1 readings: completed by the pump once history holds them durably, and awaited
/// by the MQTT handler, so the PUBACK means "stored" (SPEC §4). Null for QoS 0 and status messages.
/// </param>
/// <param name="ModelVersion">The device model version the readings were validated against.</param>
public sealed record IngestItem(
    string DeviceId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<TelemetryReading> Readings,
    DeviceStatus? Status = null,
    TaskCompletionSource? Durable = null,
    int ModelVersion = 0);
