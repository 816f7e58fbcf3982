namespace IotService.Rules.Kinds;

/// <summary>
/// A rule ready to run, shared by every device of a model version, so it holds no per-device data: that is the
/// <see cref="IRuleState"/> it starts, mutates in place and checkpoints. The host calls, per device:
/// <see cref="OnReading"/> for each value of a property in <see cref="Properties"/> (oldest reading first),
/// <see cref="AfterReadings"/> once per batch, <see cref="OnClock"/> when the device is due (<see cref="NextDue"/>),
/// and <see cref="OnAlarmCleared"/> when the rule's alarm closes. A <see cref="RuleTransition.Raise"/> opens an
/// alarm unless one is open (explained by <see cref="Explain"/>); a <see cref="RuleTransition.Clear"/> closes it.
/// Severity, acknowledgement and escalation are the alarm lifecycle's, not the rule's.
/// </summary>
public interface ICompiledRule
{
    string Id { get; }

    /// <summary>The kind that compiled it (<see cref="IRuleKind.Name"/>).</summary>
    string Kind { get; }

    /// <summary>The properties whose values <see cref="OnReading"/> receives; empty for rules that never read values.</summary>
    IReadOnlyList<string> Properties { get; }

    /// <summary>Fresh state: a new device, a new or edited rule, or a checkpoint that could not be restored.</summary>
    IRuleState Start(RuleStart start);

    /// <summary>The state <see cref="IRuleState.Checkpoint"/> wrote, or null when the bytes are not a checkpoint of this kind (the host then starts afresh).</summary>
    IRuleState? Restore(ReadOnlySpan<byte> checkpoint);

    RuleStep OnReading(IRuleState state, in RuleReading reading);

    /// <summary>After every batch of readings, whatever properties it carried (a batch proves the device is alive).</summary>
    RuleStep AfterReadings(IRuleState state, in DeviceActivity activity);

    /// <summary>Time passed with or without readings: the rules that fire on silence decide here.</summary>
    RuleStep OnClock(IRuleState state, in DeviceActivity activity, DateTimeOffset now);

    /// <summary>When <see cref="OnClock"/> next has something to decide; null when it has nothing pending.</summary>
    DateTimeOffset? NextDue(IRuleState state, in DeviceActivity activity);

    /// <summary>
    /// The rule's alarm was closed: by this rule, by the system, or by a person (<paramref name="byPerson"/>), who
    /// thereby asks the rule to judge afresh, so a condition that still holds raises a new alarm.
    /// </summary>
    void OnAlarmCleared(IRuleState state, bool byPerson, DateTimeOffset at);

    /// <summary>Why the rule fired, called right after the <see cref="RuleTransition.Raise"/> it explains.</summary>
    RuleExplanation Explain(IRuleState state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now);

    /// <summary>For replay: whether <paramref name="candidate"/> lies further into the firing condition than <paramref name="peak"/>.</summary>
    bool IsMoreExtreme(double candidate, double peak);

    /// <summary>
    /// For replay: the same ranking for one series, for kinds whose ranking depends on what the series did (a forecast
    /// watches a rising or a falling limit as the data showed it). Replay calls this one; by default it is the one above.
    /// </summary>
    bool IsMoreExtreme(IRuleState state, double candidate, double peak) => IsMoreExtreme(candidate, peak);
}
