using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>
/// An anomaly rule on every property: the per-property detectors (<see cref="AnomalyRule"/>) and, once the model has
/// a trained detector, the multivariate rule, behind one alarm. It raises when either part raises and clears when the
/// parts that raised have cleared; the part that raised last explains. A new detector version keeps the per-property
/// state (the joint part restores its own, or starts afresh).
/// </summary>
public sealed class CombinedAnomalyRule(AnomalyRule perProperty, ICompiledRule? joint) : CompiledRule<CombinedAnomalyState>
{
    public AnomalyRule PerProperty { get; } = perProperty;

    public ICompiledRule? Joint { get; } = joint;

    public override string Id => PerProperty.Id;

    public override string Kind => AnomalyKind.KindName;

    public override IReadOnlyList<string> Properties { get; } = joint is null
        ? perProperty.Properties
        : [.. perProperty.Properties.Union(joint!.Properties, StringComparer.Ordinal)];

    public override CombinedAnomalyState Start(RuleStart start) => new(PerProperty.Start(start), Joint?.Start(start))
    {
        PerPropertyFiring = start.AlarmOpenSince is not null,
        JointFiring = start.AlarmOpenSince is not null && Joint is not null,
    };

    public override CombinedAnomalyState? Restore(ReadOnlySpan<byte> checkpoint)
    {
        var reader = new CheckpointReader(checkpoint);
        var (perFiring, jointFiring, jointLast) = (reader.Flag(), reader.Flag(), reader.Flag());
        if (reader.Version != 1 || PerProperty.Restore(reader.Nested()) is not { } perProperty)
        {
            return null;
        }

        // Read the joint part's bytes even when this rule has no detector (any more), so the checkpoint is read to its end.
        var jointBytes = reader.Flag() ? reader.Nested() : default;
        var joint = jointBytes.IsEmpty ? null : Joint?.Restore(jointBytes);
        if (!reader.Succeeded)
        {
            return null;
        }

        // A first or changed detector: the joint part starts afresh, the per-property detectors keep what they learned.
        var fresh = joint is null && Joint is not null;
        return new CombinedAnomalyState(perProperty, joint ?? Joint?.Start(new RuleStart(DateTimeOffset.UnixEpoch)))
        {
            PerPropertyFiring = perFiring,
            JointFiring = jointFiring && !fresh && Joint is not null,
            JointRaisedLast = jointLast && !fresh,
        };
    }

    public override RuleStep OnReading(CombinedAnomalyState state, in RuleReading reading)
    {
        var step = PerProperty.OnReading(state.PerProperty, reading);
        if (state.Joint is not null)
        {
            _ = Joint!.OnReading(state.Joint, reading);
        }

        return Combine(state, step, joint: false);
    }

    public override RuleStep AfterReadings(CombinedAnomalyState state, in DeviceActivity activity)
        => state.Joint is null ? RuleStep.None : Combine(state, Joint!.AfterReadings(state.Joint, activity), joint: true);

    public override void OnAlarmCleared(CombinedAnomalyState state, bool byPerson, DateTimeOffset at)
    {
        PerProperty.OnAlarmCleared(state.PerProperty, byPerson, at);
        if (state.Joint is not null)
        {
            Joint!.OnAlarmCleared(state.Joint, byPerson, at);
        }

        (state.PerPropertyFiring, state.JointFiring, state.JointRaisedLast) = (false, false, false);
    }

    public override RuleExplanation Explain(CombinedAnomalyState state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
        => state.JointRaisedLast && state.Joint is not null
            ? Joint!.Explain(state.Joint, raise, activity, now)
            : PerProperty.Explain(state.PerProperty, raise, activity, now);

    /// <summary>One alarm for both parts: raised by the first part to raise, cleared when no part is firing any more.</summary>
    private static RuleStep Combine(CombinedAnomalyState state, RuleStep step, bool joint)
    {
        var wasFiring = state.Firing;
        switch (step.Transition)
        {
            case RuleTransition.Raise:
                if (joint)
                {
                    state.JointFiring = true;
                }
                else
                {
                    state.PerPropertyFiring = true;
                }

                state.JointRaisedLast = joint;
                return wasFiring ? RuleStep.None : step;
            case RuleTransition.Clear:
                if (joint)
                {
                    state.JointFiring = false;
                }
                else
                {
                    state.PerPropertyFiring = false;
                }

                return wasFiring && !state.Firing ? step : RuleStep.None;
            default:
                return step;
        }
    }
}
