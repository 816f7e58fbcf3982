using IotService.Rules.Kinds;

namespace IotService.Grains.Tests.Alarms.Rising;

/// <summary>
/// A rule kind that exists only in the tests, to show a kind plugs in without the host changing: <c>rising</c>
/// fires once its property rose <c>value</c> readings in a row, and clears on the first reading that does not rise.
/// </summary>
internal sealed class RisingKind : IRuleKind
{
    public string Name => "rising";

    public bool Replayable => true;

    public RuleCompilation Compile(RuleSpec spec, RuleScope scope)
    {
        var errors = new List<FieldError>();
        errors.RequireProperty(spec);
        errors.Require(spec.Value is >= 1, "value", "how many rises in a row: 1 or more");
        return RuleCompilation.From(errors, () => new RisingRule(spec.Id, spec.Property!, (int)spec.Value!.Value));
    }
}
