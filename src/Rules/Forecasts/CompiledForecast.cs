using IotService.Rules.Kinds;

namespace IotService.Rules.Forecasts;

/// <summary>
/// A forecast rule at work: each value of its property updates the device's <see cref="ForecastTrend"/>, and once the
/// estimate can be trusted the rule raises when the line is predicted to reach the limit within the horizon with a
/// significant slope, and clears when that moves beyond 1.5 × the horizon or the trend turns away. Once the level has
/// passed the limit it keeps firing: saying more is a threshold rule's job.
/// </summary>
public sealed class CompiledForecast(ForecastRule rule, string? unit = null) : CompiledRule<ForecastSeries>
{
    public ForecastRule Rule { get; } = rule;

    public override string Id => Rule.Id;

    public override string Kind => ForecastKind.KindName;

    public override IReadOnlyList<string> Properties { get; } = [rule.Property];

    public override ForecastSeries Start(RuleStart start) => new() { Firing = start.AlarmOpenSince is not null };

    public override ForecastSeries? Restore(ReadOnlySpan<byte> checkpoint) => ForecastSeries.Read(checkpoint);

    public override RuleStep OnReading(ForecastSeries state, in RuleReading reading)
    {
        // A late reading cannot be placed in a regression that has moved on; NaN and infinities say nothing of a trend.
        if (!double.IsFinite(reading.Value) || (state.LastReading is { } last && reading.Timestamp < last))
        {
            return RuleStep.Ignored;
        }

        var elapsed = state.LastReading is { } previous ? (reading.Timestamp - previous).TotalSeconds : 0;
        state.Trend.Add(elapsed, reading.Value, Rule.TimeConstantSeconds);
        state.LastReading = reading.Timestamp;
        state.LastValue = reading.Value;
        if (state.Trend.Estimate() is not { } estimate || !estimate.IsTrustworthy(Rule.TimeConstantSeconds))
        {
            return RuleStep.None;
        }

        var direction = state.Firing && state.Direction != 0 ? state.Direction : Approach(estimate);
        var seconds = estimate.SecondsUntil(Rule.Limit, direction);
        var predicted = seconds == 0 || (estimate.IsSignificant && seconds <= Rule.HorizonSeconds);
        var beyond = seconds > ForecastModel.ClearBeyondHorizon * Rule.HorizonSeconds;

        // With the same hysteresis as the alarm, so a prediction wavering at the horizon keeps its first time.
        state.PredictingSince = predicted ? state.PredictingSince ?? reading.Timestamp : beyond ? null : state.PredictingSince;
        if (!state.Firing)
        {
            if (!predicted)
            {
                return RuleStep.None;
            }

            (state.Firing, state.Direction) = (true, direction);
            return RuleStep.Raise(reading.Value);
        }

        state.Direction = direction;
        if (beyond)
        {
            (state.Firing, state.Direction) = (false, 0);
            return RuleStep.Clear(reading.Value);
        }

        return RuleStep.None;
    }

    public override void OnAlarmCleared(ForecastSeries state, bool byPerson, DateTimeOffset at)
        => (state.Firing, state.Direction) = (false, 0);

    public override RuleExplanation Explain(ForecastSeries state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
        => ForecastExplanation.Of(Rule, state, raise.Value, unit);

    /// <summary>Further in the direction the rule watches: higher for a rising limit, lower for a falling one.</summary>
    public override bool IsMoreExtreme(ForecastSeries state, double candidate, double peak) => state.Direction * (candidate - peak) > 0;

    /// <summary>A limit above the level is approached rising, one below falling; at the limit, the way the slope points.</summary>
    internal int Approach(ForecastEstimate estimate) =>
        Rule.Limit > estimate.Level ? 1 : Rule.Limit < estimate.Level ? -1 : estimate.Slope < 0 ? -1 : 1;
}
