using System.Globalization;
using IotService.Contracts.Alarms;
using IotService.Rules.Thresholds;

namespace IotService.Grains.Alarms;

/// <summary>Says why a rule fired: the observed value against the range the rule expected, in data and in one sentence.</summary>
internal static class AlarmExplanations
{
    public static AlarmExplanation Threshold(ThresholdRule rule, double observed, string? unit)
    {
        var u = unit is null ? "" : " " + unit;
        var limit = rule.Operator switch
        {
            ThresholdOperator.GreaterThan => $"above {N(rule.Value)}{u}",
            ThresholdOperator.GreaterOrEqual => $"at or above {N(rule.Value)}{u}",
            ThresholdOperator.LessThan => $"below {N(rule.Value)}{u}",
            ThresholdOperator.LessOrEqual => $"at or below {N(rule.Value)}{u}",
            ThresholdOperator.OutsideRange => $"outside {N(rule.Value)}–{N(rule.HighValue ?? rule.Value)}{u}",
            _ => $"equal to {N(rule.Value)}{u}",
        };
        var duration = rule.Duration > TimeSpan.Zero ? $" for at least {N(rule.Duration.TotalSeconds)} s" : "";
        var clear = rule.ClearValue is { } c ? $"; clears at {N(c)}{u}" : "";
        var (low, high) = rule.Operator switch
        {
            ThresholdOperator.GreaterThan or ThresholdOperator.GreaterOrEqual => ((double?)null, (double?)rule.Value),
            ThresholdOperator.LessThan or ThresholdOperator.LessOrEqual => (rule.Value, null),
            ThresholdOperator.OutsideRange => (rule.Value, rule.HighValue),
            _ => (null, null),
        };
        return new AlarmExplanation(
            $"{rule.Property} is {N(observed)}{u}, {limit}{duration}{clear}.", rule.Property, observed, low, high);
    }

    public static AlarmExplanation NoData(string? property, TimeSpan silent, TimeSpan period)
    {
        var what = property is null ? "No data" : $"No {property} readings";
        return new AlarmExplanation(
            $"{what} for {N(Math.Floor(silent.TotalSeconds))} s; the rule allows {N(period.TotalSeconds)} s.",
            property, Math.Floor(silent.TotalSeconds), null, period.TotalSeconds);
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
