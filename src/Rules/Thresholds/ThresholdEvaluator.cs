using IotService.Rules.Kinds;

namespace IotService.Rules.Thresholds;

/// <summary>
/// The per-reading state machine of a threshold rule: pending (waiting out the duration), firing, idle.
/// Pure and allocation-free, because the device grain runs it on every reading.
/// </summary>
public static class ThresholdEvaluator
{
    public static (ThresholdState Next, RuleTransition Transition) Evaluate(
        ThresholdRule rule, ThresholdState state, double value, DateTimeOffset readingTime)
    {
        if (Ignores(state, value, readingTime))
        {
            return (state, RuleTransition.None);
        }

        if (state.Firing)
        {
            return ThresholdConditions.IsCleared(rule, value)
                ? (new ThresholdState(null, false, readingTime), RuleTransition.Clear)
                : (state with { LastEvaluated = readingTime }, RuleTransition.None);
        }

        if (!ThresholdConditions.IsMet(rule, value))
        {
            return (new ThresholdState(null, false, readingTime), RuleTransition.None);
        }

        var since = state.PendingSince ?? readingTime;
        return readingTime - since >= rule.Duration
            ? (new ThresholdState(null, true, readingTime), RuleTransition.Raise)
            : (new ThresholdState(since, false, readingTime), RuleTransition.None);
    }

    /// <summary>
    /// A late, older reading must not reset a running duration or clear an alarm raised on newer data.
    /// NaN carries no information about the condition either way.
    /// </summary>
    public static bool Ignores(ThresholdState state, double value, DateTimeOffset readingTime) =>
        (state.LastEvaluated is { } last && readingTime < last) || double.IsNaN(value);
}
