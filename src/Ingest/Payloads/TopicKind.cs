namespace IotService.Ingest.Payloads;

/// <summary>Which of a device's two topics a message arrived on.</summary>
public enum TopicKind
{
    /// <summary><c>devices/{id}/telemetry</c>.</summary>
    Telemetry = 0,

    /// <summary><c>devices/{id}/status</c>.</summary>
    Status = 1,
}
