namespace IotService.Benchmarks.Sweep;

/// <summary>
/// One step of a sweep, measured after its warm-up. <see cref="Offered"/> is null for the unpaced saturation step.
/// Disk figures come from the server's <c>/proc/&lt;pid&gt;/io</c>, CPU time (user + system, every thread) from its
/// <c>/proc/&lt;pid&gt;/stat</c>; hub counters from <c>/api/ingest/stats</c>.
/// </summary>
public sealed record StepResult(
    string Target,
    double? Offered,
    double Acknowledged,
    long Messages,
    double Seconds,
    double P50,
    double P99,
    double Max,
    long? DiskBytes,
    double? DiskBytesPerMessage,
    long? Relayed,
    long? HubRejected,
    long? HubDropped,
    double? LoadAverage,
    double? CpuSeconds = null)
{
    /// <summary>The server's CPU time per acknowledged message: what a rule costs at a fixed rate, whatever else the machine runs.</summary>
    public double? CpuMicrosecondsPerMessage => CpuSeconds is { } cpu && Messages > 0 ? cpu * 1e6 / Messages : null;

    /// <summary>
    /// Relay only: the share of acknowledged messages the subscriber received in the window. Mosquitto acknowledges a
    /// publish before delivering it, and drops what overflows a slow subscriber's queue (default 1,000 messages).
    /// </summary>
    public double? RelayedShare => Relayed is { } relayed && Messages > 0 ? (double)relayed / Messages : null;

    /// <summary>The step's name in tables: its offered rate, or <c>saturation</c>.</summary>
    public string Step => Offered is { } rate ? rate.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : "saturation";
}
