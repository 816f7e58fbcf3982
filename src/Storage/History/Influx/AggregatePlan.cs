namespace IotService.Storage.History.Influx;

/// <summary>
/// Which part of an aggregate query reads hourly rollups and which raw readings. Rollups serve the
/// intervals that start before the first interval boundary at or after the raw retention horizon,
/// when the interval is a whole number of hours (each interval is then a union of whole rollup hours,
/// both aligned to the epoch); everything from that boundary on reads raw readings. Rollup hours are
/// counted when they start in [From, boundary), as raw readings are when their time is.
/// </summary>
internal readonly record struct AggregatePlan(long RollupFromMs, long RollupToMs, long RawFromMs, long RawToMs)
{
    private const long HourMs = 3_600_000;

    public bool ReadsRollups => RollupFromMs < RollupToMs;

    public bool ReadsRaw => RawFromMs < RawToMs;

    public static AggregatePlan Create(long fromMs, long toMs, long intervalMs, long rawHorizonMs, bool hasRollups)
    {
        if (!hasRollups || intervalMs % HourMs != 0 || fromMs >= rawHorizonMs)
        {
            return new AggregatePlan(0, 0, fromMs, toMs);
        }

        var boundary = Math.Clamp(CeilingToMultiple(rawHorizonMs, intervalMs), fromMs, toMs);
        return new AggregatePlan(fromMs, boundary, boundary, toMs);
    }

    private static long CeilingToMultiple(long value, long step)
    {
        var remainder = ((value % step) + step) % step;
        return remainder == 0 ? value : value - remainder + step;
    }
}
