namespace IotService.Rules.Forecasts;

/// <summary>
/// The trend fitted at the newest reading: <paramref name="Level"/> + <paramref name="Slope"/>·h at h seconds ahead.
/// The line's value there has variance <paramref name="MeanVariance"/>·(1 + (h − <paramref name="MeanTime"/>)²/<paramref name="TimeVariance"/>),
/// the usual one for a fitted line, with the weighted readings counted as <paramref name="EffectiveReadings"/>.
/// </summary>
public readonly record struct ForecastEstimate(
    double Level, double Slope, double MeanTime, double TimeVariance, double MeanVariance, double EffectiveReadings)
{
    /// <summary>The slope's standard error, σ/√(n_eff·Var x).</summary>
    public double SlopeError => Math.Sqrt(MeanVariance / TimeVariance);

    /// <summary>The level's standard error (the line's at h = 0).</summary>
    public double LevelError => Math.Sqrt(MeanVariance * (1 + (MeanTime * MeanTime / TimeVariance)));

    /// <summary>Enough readings over enough time to extrapolate (see <see cref="ForecastModel"/>).</summary>
    public bool IsTrustworthy(double timeConstantSeconds) =>
        EffectiveReadings >= ForecastModel.MinEffectiveReadings
        && Math.Sqrt(TimeVariance) >= ForecastModel.MinTimeSpreadOfTimeConstant * timeConstantSeconds
        && double.IsFinite(MeanVariance);

    /// <summary>Whether the slope lies outside its ±z band around zero, i.e. the data show a trend at all.</summary>
    public bool IsSignificant => Math.Abs(Slope) > ForecastModel.Z * SlopeError;

    /// <summary>Seconds until the line reaches <paramref name="limit"/> moving in <paramref name="direction"/> (±1): 0 when already there, infinity when moving away.</summary>
    public double SecondsUntil(double limit, int direction)
    {
        var remaining = limit - Level;
        return remaining * direction <= 0 ? 0 : Slope * direction > 0 ? remaining / Slope : double.PositiveInfinity;
    }

    /// <summary>
    /// When the ±z band of the line first and last touches <paramref name="limit"/>, in seconds from now: the roots of
    /// (limit − line(h))² = z²·Var line(h). Earliest is never before now; latest is null when the slope is not
    /// significant (the pessimistic line may never get there).
    /// </summary>
    public (double Earliest, double? Latest) Band(double limit)
    {
        var q = ForecastModel.Z * ForecastModel.Z * MeanVariance;
        var r = q / TimeVariance;
        var c = limit - Level;
        var a = (Slope * Slope) - r;
        var b = (-2 * c * Slope) + (2 * r * MeanTime);
        var k = (c * c) - q - (r * MeanTime * MeanTime);
        var discriminant = (b * b) - (4 * a * k);
        if (a <= 0 || discriminant < 0)
        {
            return (0, null);
        }

        var root = Math.Sqrt(discriminant);
        return (Math.Max(0, (-b - root) / (2 * a)), Math.Max(0, (-b + root) / (2 * a)));
    }
}
