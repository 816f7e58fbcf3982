using System.Globalization;
using IotService.Rules.Kinds;

namespace IotService.Rules.Forecasts;

/// <summary>
/// Says when a forecast expects its limit to be reached: the rate in the model's unit per day (per hour or minute for
/// short horizons), the crossing time with its band, the level's band as the expected range, and a score that grows
/// from 0 at the horizon to 1 at the crossing.
/// </summary>
public static class ForecastExplanation
{
    public static RuleExplanation Of(ForecastRule rule, ForecastSeries state, double observed, string? unit)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(state);
        var u = unit is null ? "" : " " + unit;
        if (state.Trend.Estimate() is not { } estimate || state.LastReading is not { } at)
        {
            return new RuleExplanation($"{rule.Property} is {N(observed)}{u}; its trend towards {N(rule.Limit)}{u} is not known yet.", rule.Property, observed);
        }

        var direction = state.Direction != 0 ? state.Direction : estimate.Slope < 0 ? -1 : 1;
        var seconds = estimate.SecondsUntil(rule.Limit, direction);
        var (earliest, latest) = estimate.Band(rule.Limit);
        var crossing = After(at, seconds);
        var forecast = new RuleForecast(rule.Limit, crossing, After(at, Math.Min(earliest, seconds)), latest is { } l ? After(at, Math.Max(l, seconds)) : null);
        var (perSeconds, per) = RateUnit(rule.HorizonSeconds);
        var rate = $"{(estimate.Slope < 0 ? "falling" : "rising")} {N(Math.Abs(estimate.Slope) * perSeconds)}{u}/{per}";
        var band = forecast.Latest is { } last
            ? $"between {Time(forecast.Earliest)} and {Time(last)}"
            : $"not before {Time(forecast.Earliest)}";
        var text = seconds == 0
            ? $"{rule.Property} is {rate} and has reached {N(rule.Limit)}{u}."
            : $"{rule.Property} is {rate} and is expected to reach {N(rule.Limit)}{u} on {Time(crossing)} ({band}).";
        var spread = ForecastModel.Z * estimate.LevelError;
        return new RuleExplanation(
            text, rule.Property, observed, estimate.Level - spread, estimate.Level + spread, Math.Clamp(1 - (seconds / rule.HorizonSeconds), 0, 1))
        {
            DeviatingSince = state.PredictingSince,
            Forecast = forecast,
        };
    }

    private static (double Seconds, string Name) RateUnit(double horizonSeconds) => horizonSeconds switch
    {
        >= 86_400 => (86_400, "day"),
        >= 3_600 => (3_600, "h"),
        _ => (60, "min"),
    };

    private static DateTimeOffset After(DateTimeOffset at, double seconds)
        => RuleDurations.After(at, RuleDurations.FromSeconds(seconds)) ?? DateTimeOffset.MaxValue;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string N(double value) => ExplanationText.Number(value);
}
