namespace IotService.Storage.History;

/// <summary>One interval of a series; <see cref="Start"/> is aligned to the Unix epoch in multiples of the interval (as InfluxQL's GROUP BY time).</summary>
public sealed record AggregatePoint(DateTimeOffset Start, double Mean, double Min, double Max, long Count)
{
    /// <summary>
    /// An interval from what a store computed, always finite: every stored value is finite, but the sum of many large
    /// ones may not be, and neither may a store's mean of them. An answer must never fail to be written, so a mean
    /// that overflowed becomes the nearest bound (the true mean lies between min and max).
    /// </summary>
    public static AggregatePoint Of(DateTimeOffset start, double mean, double min, double max, long count)
    {
        min = double.IsFinite(min) ? min : double.IsFinite(max) ? max : 0;
        max = double.IsFinite(max) ? max : min;
        mean = mean switch
        {
            double.PositiveInfinity => max,
            double.NegativeInfinity => min,
            double.NaN => (min / 2) + (max / 2),
            _ => Math.Clamp(mean, Math.Min(min, max), Math.Max(min, max)),
        };
        return new AggregatePoint(start, mean, min, max, count);
    }
}
