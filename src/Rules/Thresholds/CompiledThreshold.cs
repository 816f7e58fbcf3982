using IotService.Rules.Kinds;

namespace IotService.Rules.Thresholds;

/// <summary>A threshold rule at work: <see cref="ThresholdEvaluator"/> on each value of its property, in place on the device's <see cref="ThresholdSeries"/>.</summary>
public sealed class CompiledThreshold(ThresholdRule rule, string? unit = null) : CompiledRule<ThresholdSeries>
{
    public ThresholdRule Rule { get; } = rule;

    public override string Id => Rule.Id;

    public override string Kind => ThresholdKind.KindName;

    public override IReadOnlyList<string> Properties { get; } = [rule.Property];

    public override ThresholdSeries Start(RuleStart start)
        => new() { State = ThresholdState.Initial with { Firing = start.AlarmOpenSince is not null } };

    public override ThresholdSeries? Restore(ReadOnlySpan<byte> checkpoint) => ThresholdSeries.Read(checkpoint);

    public override RuleStep OnReading(ThresholdSeries state, in RuleReading reading)
    {
        if (ThresholdEvaluator.Ignores(state.State, reading.Value, reading.Timestamp))
        {
            return RuleStep.Ignored;
        }

        (state.State, var transition) = ThresholdEvaluator.Evaluate(Rule, state.State, reading.Value, reading.Timestamp);
        return transition == RuleTransition.None ? RuleStep.None : new RuleStep(transition, reading.Value);
    }

    public override void OnAlarmCleared(ThresholdSeries state, bool byPerson, DateTimeOffset at)
        => state.State = state.State with { PendingSince = null, Firing = false };

    public override RuleExplanation Explain(ThresholdSeries state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
        => ThresholdExplanation.Of(Rule, raise.Value, unit);

    /// <summary>Highest for <c>&gt;</c>/<c>&gt;=</c>, lowest for <c>&lt;</c>/<c>&lt;=</c>, farthest outside for <c>outside</c>; for <c>equals</c> the raising value stays the peak.</summary>
    public override bool IsMoreExtreme(double candidate, double peak) => Rule.Operator switch
    {
        ThresholdOperator.GreaterThan or ThresholdOperator.GreaterOrEqual => candidate > peak,
        ThresholdOperator.LessThan or ThresholdOperator.LessOrEqual => candidate < peak,
        ThresholdOperator.OutsideRange => Distance(candidate) > Distance(peak),
        _ => false,
    };

    private double Distance(double value) =>
        Math.Max(Rule.Value - value, value - (Rule.HighValue ?? double.PositiveInfinity));
}
