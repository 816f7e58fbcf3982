namespace IotService.Grains.Replay;

/// <summary>The replay would read more readings than <see cref="RuleReplayOptions.MaxReadings"/>; answered 422.</summary>
internal sealed class ReplayTooLargeException(int maxReadings)
    : Exception($"The replay would read more than {maxReadings} stored readings. Replay a shorter time range (from, to) or fewer devices (deviceIds).")
{
    public int MaxReadings { get; } = maxReadings;
}
