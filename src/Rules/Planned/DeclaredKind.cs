using IotService.Rules.Kinds;

namespace IotService.Rules.Planned;

/// <summary>
/// A kind models may already declare (SPEC §6) but that does not run yet: its fields are checked as they will be
/// read, and its rules are stored, compiled and never fire. Issue 17 replaces these with working kinds of the
/// same names; definitions saved meanwhile stay valid.
/// </summary>
public sealed class DeclaredKind(string name, Action<RuleSpec, List<FieldError>> check) : IRuleKind
{
    /// <summary><c>anomaly</c>: a property (or every property), sensitivity 0 to 1.</summary>
    public static readonly DeclaredKind Anomaly = new("anomaly", static (spec, errors) =>
        errors.Require(spec.Sensitivity is null or (>= 0 and <= 1), "sensitivity", "0 to 1"));

    /// <summary><c>forecast</c>: a property, the limit its trend must not cross, the horizon to look ahead.</summary>
    public static readonly DeclaredKind Forecast = new("forecast", static (spec, errors) =>
    {
        errors.RequireProperty(spec);
        errors.Require(spec.Limit is not null, "limit", "required");
        errors.Require(spec.HorizonSeconds is > 0, "horizonSeconds", "more than 0");
    });

    public string Name { get; } = name;

    public bool Replayable => false;

    public RuleCompilation Compile(RuleSpec spec, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FieldError>();
        check(spec, errors);
        return RuleCompilation.From(errors, () => new DormantRule(spec.Id, Name));
    }
}
