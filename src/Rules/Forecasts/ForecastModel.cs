namespace IotService.Rules.Forecasts;

/// <summary>The constants of the forecast kind, each with the reason for its value (docs/rules.md has the whole story).</summary>
public static class ForecastModel
{
    /// <summary>
    /// τ = horizon / 2. Readings weigh exp(−age/τ), so the regression rests on about the last 2τ: it looks back about
    /// as far as it looks ahead. Shorter follows noise and daily cycles; longer is slow to see a drift begin or stop.
    /// </summary>
    public const double TimeConstantOfHorizon = 0.5;

    /// <summary>The confidence band is ±2 standard errors (about 95 %); the slope must lie outside ±2 of them to count as a trend.</summary>
    public const double Z = 2;

    /// <summary>Fewer effective readings than this give a slope and residual variance too rough to extrapolate from.</summary>
    public const double MinEffectiveReadings = 10;

    /// <summary>
    /// The weighted spread of reading times must be at least τ/√12, the spread of readings evenly covering one time
    /// constant: a slope fitted over a shorter span takes part of a daily cycle for a trend.
    /// </summary>
    public static readonly double MinTimeSpreadOfTimeConstant = 1 / Math.Sqrt(12);

    /// <summary>A firing forecast clears once the predicted crossing lies beyond 1.5 × the horizon (or the trend turned away), so it does not flap at the horizon's edge.</summary>
    public const double ClearBeyondHorizon = 1.5;
}
