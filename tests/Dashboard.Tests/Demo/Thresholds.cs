using IotService.Contracts.Models;

namespace IotService.Dashboard.Tests.Demo;

/// <summary>Whether a value is on the alarming side of a threshold rule, or of its clear level.</summary>
internal static class Thresholds
{
    public static bool Crosses(RuleDefinition rule, double value) => Compare(rule.Operator!, value, rule.Value!.Value);

    /// <summary>True while the value has not returned past the rule's clear level (its threshold when it has none).</summary>
    public static bool NotClear(RuleDefinition rule, double value) => Compare(rule.Operator!, value, rule.ClearValue ?? rule.Value!.Value);

    private static bool Compare(string op, double value, double limit) => op switch
    {
        ">" => value > limit,
        ">=" => value >= limit,
        "<" => value < limit,
        "<=" => value <= limit,
        _ => throw new ArgumentException($"Operator '{op}' is not used by the demo.", nameof(op)),
    };
}
