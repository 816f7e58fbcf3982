namespace IotService.Rules.Kinds;

/// <summary>
/// Base for a kind's compiled rule with its own state type: it does the casts once and answers "nothing to do"
/// for every step a kind does not take, so a kind writes only what it decides.
/// </summary>
public abstract class CompiledRule<TState> : ICompiledRule
    where TState : class, IRuleState
{
    public abstract string Id { get; }

    public abstract string Kind { get; }

    public abstract IReadOnlyList<string> Properties { get; }

    public abstract TState Start(RuleStart start);

    public abstract TState? Restore(ReadOnlySpan<byte> checkpoint);

    public abstract RuleExplanation Explain(TState state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now);

    public virtual RuleStep OnReading(TState state, in RuleReading reading) => RuleStep.None;

    public virtual RuleStep AfterReadings(TState state, in DeviceActivity activity) => RuleStep.None;

    public virtual RuleStep OnClock(TState state, in DeviceActivity activity, DateTimeOffset now) => RuleStep.None;

    public virtual DateTimeOffset? NextDue(TState state, in DeviceActivity activity) => null;

    public abstract void OnAlarmCleared(TState state, bool byPerson, DateTimeOffset at);

    public virtual bool IsMoreExtreme(double candidate, double peak) => false;

    public virtual bool IsMoreExtreme(TState state, double candidate, double peak) => IsMoreExtreme(candidate, peak);

    IRuleState ICompiledRule.Start(RuleStart start) => Start(start);

    IRuleState? ICompiledRule.Restore(ReadOnlySpan<byte> checkpoint) => Restore(checkpoint);

    RuleStep ICompiledRule.OnReading(IRuleState state, in RuleReading reading) => OnReading(Own(state), reading);

    RuleStep ICompiledRule.AfterReadings(IRuleState state, in DeviceActivity activity) => AfterReadings(Own(state), activity);

    RuleStep ICompiledRule.OnClock(IRuleState state, in DeviceActivity activity, DateTimeOffset now) => OnClock(Own(state), activity, now);

    DateTimeOffset? ICompiledRule.NextDue(IRuleState state, in DeviceActivity activity) => NextDue(Own(state), activity);

    void ICompiledRule.OnAlarmCleared(IRuleState state, bool byPerson, DateTimeOffset at) => OnAlarmCleared(Own(state), byPerson, at);

    bool ICompiledRule.IsMoreExtreme(IRuleState state, double candidate, double peak) => IsMoreExtreme(Own(state), candidate, peak);

    RuleExplanation ICompiledRule.Explain(IRuleState state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now) => Explain(Own(state), raise, activity, now);

    private TState Own(IRuleState state) => state as TState
        ?? throw new ArgumentException($"Rule '{Id}' ({Kind}) was handed a {state.GetType().Name}, not its own state.", nameof(state));
}
