namespace IotService.Ingest.Payloads;

/// <summary>Bounds a telemetry message must stay within before any of it is accepted.</summary>
public sealed record PayloadLimits
{
    /// <summary>The limits the MQTT contract promises devices.</summary>
    public static PayloadLimits Default { get; } = new();

    /// <summary>Larger payloads are rejected whole, before parsing, as <see cref="RejectReason.PayloadTooLarge"/>.</summary>
    public int MaxPayloadBytes { get; init; } = 64 * 1024;

    /// <summary>An array with more readings is rejected whole as <see cref="RejectReason.PayloadTooLarge"/>.</summary>
    public int MaxReadingsPerMessage { get; init; } = 1000;

    /// <summary>A reading whose <c>values</c> object has more members is rejected as <see cref="RejectReason.PayloadTooLarge"/>.</summary>
    public int MaxValuesPerReading { get; init; } = 256;

    /// <summary>How far after the receive time a <c>ts</c> may lie (device clocks run fast).</summary>
    public TimeSpan MaxFuture { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How far before the receive time a <c>ts</c> may lie (devices buffer while offline).</summary>
    public TimeSpan MaxPast { get; init; } = TimeSpan.FromDays(7);
}
