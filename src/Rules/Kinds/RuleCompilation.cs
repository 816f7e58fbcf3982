namespace IotService.Rules.Kinds;

/// <summary>What <see cref="IRuleKind.Compile"/> made of a definition: the rule, or every problem with it.</summary>
public sealed record RuleCompilation(ICompiledRule? Rule, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Rule is not null;

    public static RuleCompilation Of(ICompiledRule rule) => new(rule, []);

    public static RuleCompilation Failed(IReadOnlyList<FieldError> errors) => new(null, errors);

    /// <summary>The rule when <paramref name="errors"/> is empty, else the errors.</summary>
    public static RuleCompilation From(List<FieldError> errors, Func<ICompiledRule> build) =>
        errors.Count == 0 ? Of(build()) : Failed(errors);
}
