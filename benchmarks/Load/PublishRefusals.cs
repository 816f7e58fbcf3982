using MQTTnet;

namespace IotService.Benchmarks.Load;

/// <summary>
/// Publishes the broker answered without taking them: an MQTT 5 reason of 0x80 or above (the hub refuses a reading it
/// cannot store or may not accept), or "no matching subscribers" (an external broker no hub has subscribed to, which
/// drops the message). They are not counted as acknowledged, so a run that is refused cannot pass for a fast one.
/// </summary>
public sealed class PublishRefusals
{
    private long _count;
    private string? _firstReason;

    public long Count => Interlocked.Read(ref _count);

    public string? FirstReason => Volatile.Read(ref _firstReason);

    public static bool Accepted(MqttClientPublishReasonCode code)
        => code != MqttClientPublishReasonCode.NoMatchingSubscribers && (int)code < 0x80;

    public void Add(MqttClientPublishReasonCode code)
    {
        Interlocked.Increment(ref _count);
        Interlocked.CompareExchange(ref _firstReason, code.ToString(), null);
    }

    /// <summary>A line for the run's report, or null when nothing was refused.</summary>
    public string? Report() => Count == 0 ? null : $"refused {Count} publishes (not counted as acknowledged; first: {FirstReason})";
}
