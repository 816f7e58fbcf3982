using IotService.Rules.Kinds;

namespace IotService.Rules.NoData;

/// <summary>
/// <c>nodata</c>: fires when nothing arrived for <c>seconds</c> — from the device at all, or, with <c>property</c>,
/// no value of that property. It decides on the clock, since a quiet device sends nothing to decide on, and clears
/// with the next batch that carries what it was waiting for. Not replayable: history holds readings, not silences.
/// </summary>
public sealed class NoDataKind : IRuleKind
{
    public const string KindName = "nodata";

    public string Name => KindName;

    public bool Replayable => false;

    public RuleCompilation Compile(RuleSpec spec, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FieldError>();
        errors.Require(spec.Seconds is > 0, "seconds", "more than 0");
        return RuleCompilation.From(errors, () => new CompiledNoData(spec.Id, spec.Property, RuleDurations.FromSeconds(spec.Seconds!.Value)));
    }
}
