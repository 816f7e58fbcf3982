using IotService.Rules.Anomalies;
using IotService.Rules.Kinds;

namespace IotService.Rules.Tests.Anomalies;

/// <summary>
/// Feeds a heating loop's batches (supply and return, then the batch end) to an anomaly rule on every property and
/// records its raises and clears. A run that starts the rule afresh also feeds the rule's two parts on states of their
/// own, so a test can see when each part alone would have raised or cleared.
/// </summary>
internal sealed class CombinedRun
{
    public const string Combined = "combined";
    public const string PerProperty = "perProperty";
    public const string Joint = "joint";

    private static readonly DeviceActivity Device = new(HeatingLoop.T0.AddDays(-1), HeatingLoop.T0);

    private readonly List<(string Part, ICompiledRule Rule, IRuleState State)> _parts = [];

    public CombinedRun(CombinedAnomalyRule rule, CombinedAnomalyState? state = null)
    {
        Rule = rule;
        State = state ?? rule.Start(new RuleStart(HeatingLoop.T0));
        _parts.Add((Combined, rule, State));
        if (state is null)
        {
            _parts.Add((PerProperty, rule.PerProperty, rule.PerProperty.Start(new RuleStart(HeatingLoop.T0))));
            if (rule.Joint is { } joint)
            {
                _parts.Add((Joint, joint, joint.Start(new RuleStart(HeatingLoop.T0))));
            }
        }
    }

    public CombinedAnomalyRule Rule { get; }

    public CombinedAnomalyState State { get; }

    public List<(int Minute, string Part, RuleTransition Transition)> Events { get; } = [];

    public CombinedRun Feed(int from, int count, Func<int, (double Supply, double Return)> values)
    {
        for (var minute = from; minute < from + count; minute++)
        {
            Feed(minute, values(minute));
        }

        return this;
    }

    public CombinedRun Feed(int minute, (double Supply, double Return) values)
    {
        var at = HeatingLoop.At(minute);
        foreach (var (part, rule, state) in _parts)
        {
            foreach (var step in new[]
            {
                rule.OnReading(state, new RuleReading("supply", values.Supply, at, at)),
                rule.OnReading(state, new RuleReading("return", values.Return, at, at)),
                rule.AfterReadings(state, Device),
            })
            {
                if (step.Transition is RuleTransition.Raise or RuleTransition.Clear)
                {
                    Events.Add((minute, part, step.Transition));
                }
            }
        }

        return this;
    }

    /// <summary>The minutes at which <paramref name="part"/> took <paramref name="transition"/>.</summary>
    public int[] When(string part, RuleTransition transition)
        => [.. Events.Where(e => e.Part == part && e.Transition == transition).Select(e => e.Minute)];

    public RuleExplanation Explain() => Rule.Explain(State, RuleStep.Raise(0), Device, HeatingLoop.T0);
}
