using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// An anomaly rule on every property, scored by the model's trained <see cref="MultivariateModel"/>: it catches
/// values each in range whose relation is wrong (a chiller's return water as cold as its supply). The device's
/// latest value of each property is kept in its state; once per batch that brought a value, the aligned row is
/// scored, and the rule raises after <see cref="MultivariateLevels.Consecutive"/> scores at or above the raise
/// level, clearing after as many below the clear level.
/// </summary>
public sealed class MultivariateRule : CompiledRule<MultivariateState>
{
    public const string KindName = "anomaly";

    private readonly Dictionary<string, int> _index;
    private readonly string?[] _units;

    public MultivariateRule(string id, double? sensitivity, MultivariateModel model, Func<string, string?>? unitOf = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Id = id;
        Model = model;
        Levels = MultivariateLevels.For(sensitivity);
        _index = model.Properties.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        _units = [.. model.Properties.Select(name => unitOf?.Invoke(name))];
    }

    public override string Id { get; }

    public override string Kind => KindName;

    public override IReadOnlyList<string> Properties => Model.Properties;

    public MultivariateModel Model { get; }

    public MultivariateLevels Levels { get; }

    /// <summary>
    /// The rule for <paramref name="spec"/> (an anomaly rule on every property) with the scope's trained detector;
    /// null while the model has none, or when the detector reads a property the model no longer declares.
    /// </summary>
    public static ICompiledRule? For(RuleSpec spec, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Multivariate is { } model && model.Properties.All(scope.Declares)
            ? new MultivariateRule(spec.Id, spec.Sensitivity, model, scope.UnitOf)
            : null;
    }

    public override MultivariateState Start(RuleStart start) => new(Model.Properties)
    {
        Firing = start.AlarmOpenSince is not null,
        DeviatingSince = start.AlarmOpenSince,
    };

    public override MultivariateState? Restore(ReadOnlySpan<byte> checkpoint) => MultivariateState.Read(checkpoint, Model.Properties);

    public override RuleStep OnReading(MultivariateState state, in RuleReading reading)
    {
        Own(state);
        if (!_index.TryGetValue(reading.Property, out var j) || !double.IsFinite(reading.Value) || reading.Timestamp.UtcTicks < state.Stamps[j])
        {
            return RuleStep.Ignored;
        }

        state.Values[j] = reading.Value;
        state.Stamps[j] = reading.Timestamp.UtcTicks;
        state.Fresh = true;
        return RuleStep.None;
    }

    public override RuleStep AfterReadings(MultivariateState state, in DeviceActivity activity)
    {
        Own(state);
        if (!state.Fresh || Newest(state) is not { } newest)
        {
            return RuleStep.None;
        }

        state.Fresh = false;
        var score = state.LastScore = Model.Score(state.Values);
        return state.Firing ? WhileFiring(state, score) : WhileQuiet(state, score, newest);
    }

    public override void OnAlarmCleared(MultivariateState state, bool byPerson, DateTimeOffset at)
    {
        state.Firing = false;
        (state.Above, state.Below, state.PendingSince, state.DeviatingSince) = (0, 0, null, null);
    }

    public override RuleExplanation Explain(MultivariateState state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
    {
        Own(state);
        return MultivariateExplanation.Of(Model, state.Values, _units, state.DeviatingSince);
    }

    /// <summary>Scores rank as deviations: the higher, the further off.</summary>
    public override bool IsMoreExtreme(double candidate, double peak) => candidate > peak;

    private RuleStep WhileQuiet(MultivariateState state, double score, DateTimeOffset newest)
    {
        if (score < Levels.RaiseAt)
        {
            (state.Above, state.PendingSince) = (0, null);
            return RuleStep.None;
        }

        state.PendingSince ??= newest;
        if (++state.Above < MultivariateLevels.Consecutive)
        {
            return RuleStep.None;
        }

        (state.Firing, state.DeviatingSince, state.Above, state.Below) = (true, state.PendingSince, 0, 0);
        return RuleStep.Raise(score);
    }

    private RuleStep WhileFiring(MultivariateState state, double score)
    {
        if (score >= Levels.ClearBelow)
        {
            state.Below = 0;
            return RuleStep.None;
        }

        if (++state.Below < MultivariateLevels.Consecutive)
        {
            return RuleStep.None;
        }

        OnAlarmCleared(state, byPerson: false, default);
        return RuleStep.Clear(score);
    }

    /// <summary>The newest reading time of a complete, aligned row; null while a value is missing or too old.</summary>
    private static DateTimeOffset? Newest(MultivariateState state)
    {
        var newest = 0L;
        foreach (var stamp in state.Stamps)
        {
            newest = Math.Max(newest, stamp);
        }

        foreach (var stamp in state.Stamps)
        {
            if (stamp == 0 || newest - stamp > MultivariateAlignment.MaxSkewTicks)
            {
                return null;
            }
        }

        return new DateTimeOffset(newest, TimeSpan.Zero);
    }

    // A state built for an earlier detector (same rule, retrained model) follows this one's properties from now on.
    private void Own(MultivariateState state)
    {
        if (!ReferenceEquals(state.Layout, Model.Properties))
        {
            state.Adapt(Model.Properties);
        }
    }
}
