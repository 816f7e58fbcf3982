using IotService.Rules.Kinds;

namespace IotService.Rules.Forecasts;

/// <summary>
/// An exponentially time-weighted linear regression of value on time, in constant memory: a reading of age a weighs
/// exp(−a/τ), so irregular readings count by the time they cover, not by their number. Time is in seconds relative
/// to the newest reading (x = 0 now), and the sums are kept centred (weighted means and co-moments, updated the
/// Welford way) so that large values or long series lose no precision.
/// </summary>
public sealed class ForecastTrend
{
    /// <summary>Σw, and Σw² for the effective number of readings (Σw)²/Σw².</summary>
    public double Weight { get; private set; }

    public double SquaredWeight { get; private set; }

    /// <summary>Weighted mean time, seconds before the newest reading (0 or negative).</summary>
    public double MeanTime { get; private set; }

    public double MeanValue { get; private set; }

    /// <summary>Σw(x − x̄)², Σw(x − x̄)(y − ȳ), Σw(y − ȳ)².</summary>
    public double TimeMoment { get; private set; }

    public double CrossMoment { get; private set; }

    public double ValueMoment { get; private set; }

    /// <summary>Ages every reading by <paramref name="elapsedSeconds"/> (≥ 0), then adds <paramref name="value"/> at x = 0.</summary>
    public void Add(double elapsedSeconds, double value, double timeConstantSeconds)
    {
        if (Weight > 0)
        {
            // Moving the origin to the new reading shifts x̄ only; the decay scales every sum alike and keeps the means.
            var decay = Math.Exp(-elapsedSeconds / timeConstantSeconds);
            Weight *= decay;
            SquaredWeight *= decay * decay;
            TimeMoment *= decay;
            CrossMoment *= decay;
            ValueMoment *= decay;
            MeanTime -= elapsedSeconds;
        }

        Weight += 1;
        SquaredWeight += 1;
        var dx = -MeanTime;
        var dy = value - MeanValue;
        MeanTime += dx / Weight;
        MeanValue += dy / Weight;
        TimeMoment += dx * -MeanTime;
        CrossMoment += dx * (value - MeanValue);
        ValueMoment += dy * (value - MeanValue);
    }

    /// <summary>The fitted line and its uncertainty now, or null before two distinct times make a slope.</summary>
    public ForecastEstimate? Estimate()
    {
        if (Weight <= 0 || TimeMoment <= 0 || !double.IsFinite(TimeMoment))
        {
            return null;
        }

        var slope = CrossMoment / TimeMoment;
        var effective = Weight * Weight / SquaredWeight;

        // Residual variance, corrected for the two fitted parameters as an unweighted fit of n_eff readings would be.
        var residual = Math.Max(0, ValueMoment - (slope * CrossMoment)) / Weight;
        var variance = effective > 2 ? residual * effective / (effective - 2) : double.PositiveInfinity;
        return new ForecastEstimate(MeanValue - (slope * MeanTime), slope, MeanTime, TimeMoment / Weight, variance / effective, effective);
    }

    public void Write(CheckpointWriter writer) => writer
        .Number(Weight).Number(SquaredWeight).Number(MeanTime).Number(MeanValue)
        .Number(TimeMoment).Number(CrossMoment).Number(ValueMoment);

    /// <summary>The sums <see cref="Write"/> wrote, or null when they cannot be a trend's (not finite, negative weights or moments).</summary>
    public static ForecastTrend? Read(ref CheckpointReader reader)
    {
        var trend = new ForecastTrend
        {
            Weight = reader.Number(),
            SquaredWeight = reader.Number(),
            MeanTime = reader.Number(),
            MeanValue = reader.Number(),
            TimeMoment = reader.Number(),
            CrossMoment = reader.Number(),
            ValueMoment = reader.Number(),
        };
        double[] all = [trend.Weight, trend.SquaredWeight, trend.MeanTime, trend.MeanValue, trend.TimeMoment, trend.CrossMoment, trend.ValueMoment];
        var sane = all.All(double.IsFinite) && trend.Weight >= 0 && trend.SquaredWeight >= 0 && trend.TimeMoment >= 0 && trend.ValueMoment >= 0 && trend.MeanTime <= 0;
        return sane ? trend : null;
    }
}
