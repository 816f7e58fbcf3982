using IotService.Rules.Kinds;

namespace IotService.Rules.Thresholds;

/// <summary>
/// <c>threshold</c>: property, operator (<c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>outside</c>,
/// <c>equals</c>), value (the low end for <c>outside</c>, with <c>highValue</c> the high end), optional
/// <c>durationSeconds</c> and <c>clearValue</c>.
/// </summary>
public sealed class ThresholdKind : IRuleKind
{
    public const string KindName = "threshold";

    public string Name => KindName;

    public bool Replayable => true;

    public RuleCompilation Compile(RuleSpec spec, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new List<FieldError>();
        errors.RequireProperty(spec);
        errors.Require(ThresholdOperators.TryParse(spec.Operator, out var op), "operator", "one of >, >=, <, <=, outside, equals");
        errors.Require(spec.Value is not null, "value", "required");
        errors.Require(op != ThresholdOperator.OutsideRange || (spec.HighValue is not null && spec.HighValue >= spec.Value), "highValue", "outside needs value (low) and highValue (high)");
        errors.Require(spec.DurationSeconds is null or >= 0, "durationSeconds", "0 or more");
        return RuleCompilation.From(errors, () =>
        {
            var rule = new ThresholdRule(spec.Id, spec.Property!, op, spec.Value!.Value, spec.HighValue, RuleDurations.FromSeconds(spec.DurationSeconds ?? 0), spec.ClearValue);
            return new CompiledThreshold(rule, scope.UnitOf(rule.Property));
        });
    }
}
