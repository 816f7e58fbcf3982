using IotService.Rules.Kinds;

namespace IotService.Rules.Forecasts;

/// <summary>
/// <c>forecast</c> (predictive maintenance): <c>property</c>, the <c>limit</c> its trend must not cross, and
/// <c>horizonSeconds</c>, how far ahead to look. Replayable: it decides on its property's readings alone.
/// </summary>
public sealed class ForecastKind : IRuleKind
{
    public const string KindName = "forecast";

    public string Name => KindName;

    public bool Replayable => true;

    public RuleCompilation Compile(RuleSpec spec, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new List<FieldError>();
        errors.RequireProperty(spec);
        errors.Require(spec.Limit is { } limit && double.IsFinite(limit), "limit", "required");
        errors.Require(spec.HorizonSeconds is > 0 and < double.PositiveInfinity, "horizonSeconds", "more than 0");
        return RuleCompilation.From(errors, () =>
        {
            var rule = new ForecastRule(spec.Id, spec.Property!, spec.Limit!.Value, spec.HorizonSeconds!.Value);
            return new CompiledForecast(rule, scope.UnitOf(rule.Property));
        });
    }
}
