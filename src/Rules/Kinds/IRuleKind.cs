namespace IotService.Rules.Kinds;

/// <summary>
/// One kind of rule (threshold, nodata, …): it reads its own fields of a definition and compiles them into an
/// <see cref="ICompiledRule"/>, which does the rest. A kind is stateless and serves every model; the
/// <see cref="RuleKindRegistry"/> maps <see cref="Name"/> to it, so a new kind plugs in without the host changing.
/// </summary>
public interface IRuleKind
{
    /// <summary>How definitions spell the kind (<see cref="RuleSpec.Kind"/>), e.g. <c>threshold</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether its rules can be replayed over stored history: they decide on <see cref="ICompiledRule.OnReading"/>
    /// alone, from one property's readings.
    /// </summary>
    bool Replayable { get; }

    /// <summary>
    /// Checks the fields this kind reads and compiles the rule. Every problem is reported at once, each naming its
    /// field relative to the rule (<c>operator</c>); the caller places them (<c>rules[2].operator</c>). The id, the
    /// kind and whether <see cref="RuleSpec.Property"/> belongs to the model are the caller's checks.
    /// </summary>
    RuleCompilation Compile(RuleSpec spec, RuleScope scope);
}
