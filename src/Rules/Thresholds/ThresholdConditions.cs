namespace IotService.Rules.Thresholds;

/// <summary>The raise and clear tests of a threshold rule, kept apart from the state machine so both are testable alone.</summary>
public static class ThresholdConditions
{
    /// <summary>Relative tolerance for <c>equals</c>; absolute near zero, so 0 matches 1e-10.</summary>
    public const double EqualityTolerance = 1e-9;

    public static bool IsMet(ThresholdRule rule, double value) => rule.Operator switch
    {
        ThresholdOperator.GreaterThan => value > rule.Value,
        ThresholdOperator.GreaterOrEqual => value >= rule.Value,
        ThresholdOperator.LessThan => value < rule.Value,
        ThresholdOperator.LessOrEqual => value <= rule.Value,
        ThresholdOperator.OutsideRange => value < rule.Value || value > High(rule),
        ThresholdOperator.EqualTo => AreEqual(value, rule.Value),
        _ => false,
    };

    /// <summary>
    /// Whether a firing rule clears on this value. Without a clear value it clears as soon as the condition is false.
    /// With one, the value must cross strictly past it: for <c>&gt;</c>/<c>&gt;=</c> value &lt; ClearValue, for
    /// <c>&lt;</c>/<c>&lt;=</c> value &gt; ClearValue. For <c>outside</c> and <c>equals</c> the clear value is a margin
    /// m (negative counts as 0): outside clears when low + m &lt; value &lt; high - m; equals clears when
    /// |value - Value| &gt; m. In every case the condition must also be false, so a misplaced clear value can only
    /// delay a clear, never make the rule clear while its condition still holds.
    /// </summary>
    public static bool IsCleared(ThresholdRule rule, double value)
    {
        if (IsMet(rule, value))
        {
            return false;
        }

        if (rule.ClearValue is not { } clear)
        {
            return true;
        }

        var margin = Math.Max(0, clear);
        return rule.Operator switch
        {
            ThresholdOperator.GreaterThan or ThresholdOperator.GreaterOrEqual => value < clear,
            ThresholdOperator.LessThan or ThresholdOperator.LessOrEqual => value > clear,
            ThresholdOperator.OutsideRange => value > rule.Value + margin && value < High(rule) - margin,
            ThresholdOperator.EqualTo => Math.Abs(value - rule.Value) > margin,
            _ => true,
        };
    }

    public static bool AreEqual(double a, double b) =>
        Math.Abs(a - b) <= EqualityTolerance * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    // A missing high end makes "outside" mean "below low", rather than firing on everything.
    private static double High(ThresholdRule rule) => rule.HighValue ?? double.PositiveInfinity;
}
