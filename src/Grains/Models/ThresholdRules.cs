using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Rules.Thresholds;

namespace IotService.Grains.Models;

/// <summary>
/// Turns a model's <c>threshold</c> rule (the flat <see cref="RuleDefinition"/> of the HTTP contract) into the
/// <see cref="ThresholdRule"/> the evaluator runs. The one place this mapping lives: rule replay uses it, and the
/// device grain evaluating live readings should too, so both read a definition the same way. It sits here because
/// Rules is pure and knows nothing of Contracts, and Grains references both.
/// </summary>
public static class ThresholdRules
{
    public const string Kind = RuleKinds.Threshold;

    /// <exception cref="ArgumentException">The rule is not a threshold rule, or lacks what one needs (a validated model's rules never do).</exception>
    public static ThresholdRule FromDefinition(RuleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Kind != Kind)
        {
            throw new ArgumentException($"Rule '{definition.Id}' is a '{definition.Kind}' rule, not a threshold rule.", nameof(definition));
        }

        if (definition.Property is null || definition.Value is not { } value || !ThresholdOperators.TryParse(definition.Operator, out var op))
        {
            throw new ArgumentException($"Threshold rule '{definition.Id}' needs a property, a known operator and a value.", nameof(definition));
        }

        return new ThresholdRule(
            definition.Id, definition.Property, op, value, definition.HighValue,
            Duration(definition.DurationSeconds ?? 0), definition.ClearValue, ToRuleSeverity(definition.Severity, definition.Id));
    }

    // Clamped rather than overflowing: a duration of centuries simply never elapses within stored history.
    private static TimeSpan Duration(double seconds)
        => seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(Math.Max(0, seconds));

    private static RuleSeverity ToRuleSeverity(Severity severity, string ruleId) => severity switch
    {
        Severity.Warning => RuleSeverity.Warning,
        Severity.Minor => RuleSeverity.Minor,
        Severity.Major => RuleSeverity.Major,
        Severity.Critical => RuleSeverity.Critical,
        _ => throw new ArgumentException($"Threshold rule '{ruleId}' has no severity.", nameof(severity)),
    };
}
