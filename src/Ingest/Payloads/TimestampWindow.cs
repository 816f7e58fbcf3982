namespace IotService.Ingest.Payloads;

/// <summary>The inclusive range of UTC ticks a reading's timestamp may fall in.</summary>
internal readonly struct TimestampWindow
{
    private readonly long _minTicks;
    private readonly long _maxTicks;

    private TimestampWindow(long minTicks, long maxTicks)
    {
        _minTicks = minTicks;
        _maxTicks = maxTicks;
    }

    /// <summary>[receivedAt − MaxPast, receivedAt + MaxFuture], clamped to what DateTimeOffset can hold.</summary>
    public static TimestampWindow Around(DateTimeOffset receivedAt, PayloadLimits limits)
    {
        // Int128 so that odd limits (TimeSpan.MaxValue, negative spans) saturate instead of overflowing.
        Int128 at = receivedAt.UtcTicks;
        return new(Clamp(at - limits.MaxPast.Ticks), Clamp(at + limits.MaxFuture.Ticks));
    }

    /// <summary>Negative when too old, positive when too new, zero inside the window.</summary>
    public int Compare(long utcTicks) => utcTicks < _minTicks ? -1 : utcTicks > _maxTicks ? 1 : 0;

    private static long Clamp(Int128 ticks) =>
        (long)Int128.Clamp(ticks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks);
}
