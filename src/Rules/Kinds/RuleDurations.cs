namespace IotService.Rules.Kinds;

/// <summary>Durations as definitions give them, in seconds.</summary>
public static class RuleDurations
{
    /// <summary>
    /// Clamped to <see cref="TimeSpan.MaxValue"/> rather than overflowing (negative counts as 0): a duration of
    /// centuries simply never elapses, and a definition cannot make a kind throw.
    /// </summary>
    public static TimeSpan FromSeconds(double seconds)
        => seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(Math.Max(0, seconds));

    /// <summary><paramref name="start"/> + <paramref name="duration"/>, or null when that lies beyond the calendar (never).</summary>
    public static DateTimeOffset? After(DateTimeOffset start, TimeSpan duration)
        => duration <= DateTimeOffset.MaxValue - start ? start + duration : null;
}
