using IotService.Rules.Kinds;

namespace IotService.Rules.Thresholds;

/// <summary>Says why a threshold rule fired: the observed value against the limit, in data and in one sentence.</summary>
public static class ThresholdExplanation
{
    public static RuleExplanation Of(ThresholdRule rule, double observed, string? unit)
    {
        ArgumentNullException.ThrowIfNull(rule);
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
        return new RuleExplanation(
            $"{rule.Property} is {N(observed)}{u}, {limit}{duration}{clear}.", rule.Property, observed, low, high);
    }

    private static string N(double value) => ExplanationText.Number(value);
}
