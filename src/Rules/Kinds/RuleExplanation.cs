namespace IotService.Rules.Kinds;

/// <summary>
/// Why a rule fired, in the same shape for every kind: the observed value against the range the rule expected
/// (a threshold's limit, a range learned from history), a score where the kind has one, and one sentence for people.
/// The host stores it with the alarm as is.
/// </summary>
public sealed record RuleExplanation(
    string Text,
    string? Property = null,
    double? Observed = null,
    double? ExpectedLow = null,
    double? ExpectedHigh = null,
    double? Score = null);
