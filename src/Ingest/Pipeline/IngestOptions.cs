using System.ComponentModel.DataAnnotations;

namespace IotService.Ingest.Pipeline;

/// <summary>Limits and sizes of the ingest pipeline.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Capacity of each queue (QoS 1 and QoS 0), in messages.</summary>
    [Range(16, 10_000_000)]
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>Most messages the pump takes in one batch.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    [Range(1, 16 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Embedded broker: messages one device may publish per second, over all its connections (0: no limit).
    /// Beyond it QoS 0 is dropped (counted) and QoS 1 waits for its turn, which holds back the PUBACK.
    /// </summary>
    [Range(0, 1_000_000)]
    public double MaxMessagesPerSecondPerDevice { get; set; } = 100;

    /// <summary>Embedded broker: how many messages a device may send at once above its rate, e.g. a backlog after reconnecting.</summary>
    [Range(1, 1_000_000)]
    public int MessageBurstPerDevice { get; set; } = 200;

    [Range(1, 100_000)]
    public int MaxReadingsPerMessage { get; set; } = 1_000;

    [Range(1, 10_000)]
    public int MaxValuesPerReading { get; set; } = 256;

    [Range(0, 86_400 * 365)]
    public double MaxFutureSeconds { get; set; } = 300;

    [Range(0, 86_400 * 3650)]
    public double MaxPastSeconds { get; set; } = 7 * 86_400;

    /// <summary>At most one log line per rejection reason in this many seconds.</summary>
    [Range(0, 3600)]
    public double RejectLogIntervalSeconds { get; set; } = 10;
}
