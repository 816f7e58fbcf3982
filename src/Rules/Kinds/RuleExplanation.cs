namespace IotService.Rules.Kinds;

/// <summary>
/// Why a rule fired, in the same shape for every kind: the observed value against the range the rule expected
/// (a threshold's limit, a range learned from history), a score where the kind has one, and one sentence for people.
/// Learned kinds add since when the behaviour deviates and, for several properties at once, which contribute most;
/// a forecast adds when it expects the limit to be crossed. The host stores it with the alarm as is.
/// </summary>
public sealed record RuleExplanation(
    string Text,
    string? Property = null,
    double? Observed = null,
    double? ExpectedLow = null,
    double? ExpectedHigh = null,
    double? Score = null)
{
    /// <summary>Since when the rule has seen the behaviour it fired on (the first deviating reading's timestamp).</summary>
    public DateTimeOffset? DeviatingSince { get; init; }

    /// <summary>For a rule over several properties: the properties that contribute most, largest share first.</summary>
    public IReadOnlyList<RuleContribution> Contributors { get; init; } = [];

    /// <summary>For a forecast: when the trend is expected to cross the limit, with the earliest and latest plausible times.</summary>
    public RuleForecast? Forecast { get; init; }
}
