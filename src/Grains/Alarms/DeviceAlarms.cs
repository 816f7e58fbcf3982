using IotService.Contracts.Alarms;
using IotService.Contracts.Telemetry;
using IotService.Grains.Devices;
using IotService.Rules.Alarms;
using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>
/// Runs one device's rules and keeps its open alarms (at most one per rule, SPEC §6) inside the device's state.
/// It knows no rule kind: each rule is an <see cref="ICompiledRule"/> working on its own state, and this class turns
/// the steps they return into alarm lifecycle steps. Not a grain: state in, <see cref="AlarmChange"/>s out, so it is
/// tested with a fake clock and no silo. The device grain persists the state, writes alarm rows, creates work
/// orders and publishes the changes.
/// </summary>
/// <param name="newId">Makes alarm and work-order ids; time-ordered ids keep lists newest-first by id.</param>
public sealed partial class DeviceAlarms(string deviceId, Func<DateTimeOffset, string> newId)
{
    private readonly List<AlarmChange> _changes = [];

    public DeviceRules Rules { get; private set; } = DeviceRules.None;

    public bool HasChanges => _changes.Count > 0;

    /// <summary>Returns and forgets the changes made since the last call, in the order they happened.</summary>
    public IReadOnlyList<AlarmChange> TakeChanges()
    {
        var changes = _changes.ToList();
        _changes.Clear();
        return changes;
    }

    /// <summary>
    /// Adopts a model version's rules. Alarms of rules that were removed or disabled are cleared by the system; an
    /// alarm whose rule became more severe escalates; states of new or edited rules start afresh, and stored ones are
    /// restored. True if state changed.
    /// </summary>
    public bool UseRules(DeviceState s, DeviceRules rules, DateTimeOffset now)
    {
        Rules = rules;
        if (rules.Model is null)
        {
            // Model unreadable (deleted, storage hiccup): keep every alarm as it is rather than clear them all.
            return false;
        }

        var changed = false;
        foreach (var (ruleId, record) in s.OpenAlarms.ToList())
        {
            if (!rules.ById.TryGetValue(ruleId, out var rule))
            {
                Close(s, record, now, AlarmLifecycle.SystemActor, double.NaN, byPerson: false);
                changed = true;
            }
            else if (rule.Severity > record.Severity)
            {
                RaiseSeverity(s, record, rule.Severity, now);
                changed = true;
            }
        }

        foreach (var ruleId in s.RuleStates.Keys.Where(id => !rules.ById.ContainsKey(id)).ToList())
        {
            s.RuleStates.Remove(ruleId);
            changed = true;
        }

        // Every rule's state is live from here on, so NextDue sees each one (a no-data rule must be due even if the device never speaks again).
        foreach (var rule in rules.All)
        {
            LiveState(s, rule, now, out var fresh);
            changed |= fresh;
        }

        return changed;
    }

    /// <summary>Runs each value of the batch through the rules reading its property, oldest reading first, then lets every rule see the batch.</summary>
    public void OnReadings(DeviceState s, TelemetryBatch batch, DateTimeOffset now)
    {
        var activity = Activity(s);
        foreach (var reading in batch.Readings)
        {
            foreach (var value in reading.Values)
            {
                foreach (var rule in Rules.ReadersOf(value.Property))
                {
                    var state = StateOf(s, rule, now);
                    var step = rule.Compiled.OnReading(state, new RuleReading(value.Property, value.Value, reading.Timestamp, batch.ReceivedAt));
                    Apply(s, rule, state, step, activity, now);
                }
            }
        }

        foreach (var rule in Rules.All)
        {
            var state = StateOf(s, rule, now);
            Apply(s, rule, state, rule.Compiled.AfterReadings(state, activity), activity, now);
        }
    }

    private static DeviceActivity Activity(DeviceState s) => new(s.RegisteredAt, s.LastSeen);

    private void Apply(DeviceState s, ModelRule rule, IRuleState state, RuleStep step, in DeviceActivity activity, DateTimeOffset now)
    {
        if (step.Transition == RuleTransition.Raise && !s.OpenAlarms.ContainsKey(rule.Id))
        {
            var explanation = AlarmExplanations.From(rule.Compiled.Explain(state, step, activity, now));
            Raise(s, rule, step.Value, explanation, now);
        }
        else if (step.Transition == RuleTransition.Clear && s.OpenAlarms.TryGetValue(rule.Id, out var open))
        {
            Close(s, open, now, AlarmLifecycle.RuleActor, step.Value, byPerson: false);
        }
    }
}
