namespace IotService.Rules.Kinds;

/// <summary>The outcome of one evaluation; <paramref name="Value"/> is the value that decided it, NaN when none did (silence).</summary>
public readonly record struct RuleStep(RuleTransition Transition, double Value)
{
    public static RuleStep None => new(RuleTransition.None, double.NaN);

    public static RuleStep Ignored => new(RuleTransition.Ignored, double.NaN);

    public static RuleStep Raise(double value) => new(RuleTransition.Raise, value);

    public static RuleStep Clear(double value) => new(RuleTransition.Clear, value);
}
