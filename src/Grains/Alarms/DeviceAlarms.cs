using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Telemetry;
using IotService.Grains.Devices;
using IotService.Rules.Alarms;
using IotService.Rules.Thresholds;
using RecordState = IotService.Contracts.Alarms.AlarmState;

namespace IotService.Grains.Alarms;

/// <summary>
/// Evaluates one device's rules and keeps its open alarms (at most one per rule, SPEC §6) inside the device's state.
/// Not a grain: state in, <see cref="AlarmChange"/>s out, so it is tested with a fake clock and no silo. The device
/// grain persists the state, writes alarm rows, creates work orders and publishes the changes.
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
    /// alarm whose rule became more severe escalates; checkpoints of edited rules start afresh. True if state changed.
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
                Close(s, record, now, AlarmLifecycle.SystemActor, double.NaN);
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

        foreach (var rule in rules.ById.Values)
        {
            if (!s.RuleStates.TryGetValue(rule.Id, out var checkpoint))
            {
                s.RuleStates[rule.Id] = new RuleCheckpoint { Fingerprint = rule.Fingerprint, WatchingSince = now, Firing = s.OpenAlarms.ContainsKey(rule.Id) };
                changed = true;
            }
            else if (checkpoint.Fingerprint != rule.Fingerprint)
            {
                // An edited rule judges from the next reading on; an alarm still open stays open until the new rule clears it.
                checkpoint.Fingerprint = rule.Fingerprint;
                checkpoint.PendingSince = null;
                checkpoint.LastEvaluated = null;
                checkpoint.Firing = s.OpenAlarms.ContainsKey(rule.Id);
                checkpoint.WatchingSince = now;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Runs threshold rules on each value of the batch, oldest reading first, and clears no-data alarms.</summary>
    public void OnReadings(DeviceState s, TelemetryBatch batch, DateTimeOffset now)
    {
        foreach (var reading in batch.Readings)
        {
            foreach (var value in reading.Values)
            {
                if (Rules.NoDataProperties.Contains(value.Property)
                    && (!s.PropertySeen.TryGetValue(value.Property, out var seen) || batch.ReceivedAt > seen))
                {
                    s.PropertySeen[value.Property] = batch.ReceivedAt;
                }

                foreach (var rule in Rules.ThresholdsFor(value.Property))
                {
                    EvaluateThreshold(s, rule, value.Value, reading.Timestamp, now);
                }
            }
        }

        foreach (var rule in Rules.NoData)
        {
            if (s.OpenAlarms.TryGetValue(rule.Id, out var open)
                && (rule.Definition.Property is not { } property || s.PropertySeen.ContainsKey(property) && s.PropertySeen[property] >= open.RaisedAt))
            {
                Close(s, open, now, AlarmLifecycle.RuleActor, double.NaN);
            }
        }
    }

    public static Severity HighestSeverity(DeviceState s) =>
        s.OpenAlarms.Count == 0 ? Severity.None : s.OpenAlarms.Values.Max(record => record.Severity);

    public AlarmCommandResult Acknowledge(DeviceState s, string alarmId, string by, DateTimeOffset now) =>
        Command(s, alarmId, record =>
        {
            var acknowledged = AlarmLifecycle.Acknowledge(AlarmRecords.ToLifecycle(record), now, by);
            return Store(s, AlarmRecords.Apply(record, acknowledged, now), "acknowledged", []);
        });

    /// <summary>A person clears an alarm: its rule starts afresh, so a condition that still holds raises a new alarm.</summary>
    public AlarmCommandResult Clear(DeviceState s, string alarmId, string by, DateTimeOffset now) =>
        Command(s, alarmId, record =>
        {
            var cleared = Close(s, record, now, by, double.NaN);
            if (s.RuleStates.TryGetValue(record.RuleId, out var checkpoint))
            {
                checkpoint.PendingSince = null;
                checkpoint.Firing = false;
                checkpoint.WatchingSince = now;
            }

            return cleared;
        });

    private void EvaluateThreshold(DeviceState s, CompiledRule rule, double value, DateTimeOffset timestamp, DateTimeOffset now)
    {
        if (!s.RuleStates.TryGetValue(rule.Id, out var checkpoint))
        {
            s.RuleStates[rule.Id] = checkpoint = new RuleCheckpoint { Fingerprint = rule.Fingerprint, WatchingSince = now };
        }

        var (next, transition) = ThresholdEvaluator.Evaluate(
            rule.Threshold!, new ThresholdState(checkpoint.PendingSince, checkpoint.Firing, checkpoint.LastEvaluated), value, timestamp);
        checkpoint.PendingSince = next.PendingSince;
        checkpoint.Firing = next.Firing;
        checkpoint.LastEvaluated = next.LastEvaluated;

        if (transition == RuleTransition.Raise)
        {
            Raise(s, rule, value, AlarmExplanations.Threshold(rule.Threshold!, value, Rules.Units.GetValueOrDefault(rule.Threshold!.Property)), now);
        }
        else if (transition == RuleTransition.Clear && s.OpenAlarms.TryGetValue(rule.Id, out var open))
        {
            Close(s, open, now, AlarmLifecycle.RuleActor, value);
        }
    }

    private void Raise(DeviceState s, CompiledRule rule, double value, AlarmExplanation explanation, DateTimeOffset now)
    {
        if (s.OpenAlarms.ContainsKey(rule.Id))
        {
            return;
        }

        var alarm = AlarmLifecycle.Raise(newId(now), deviceId, rule.Id, (RuleSeverity)rule.Severity, value, now);
        var record = new AlarmRecord(
            alarm.Id, deviceId, s.ModelId, s.CustomerId, rule.Id, rule.Definition.Kind, rule.Severity, RecordState.Active,
            now, explanation, [], now)
        {
            // Chosen before the order exists, and stored with the alarm, so a retry after a crash creates that same order.
            WorkOrderId = Rules.CreatesWorkOrder(rule.Severity) ? newId(now) : null,
        };
        Store(s, AlarmRecords.Apply(record, alarm, now), "raised", Rules.AudiencesFor(rule.Severity));
    }

    private void RaiseSeverity(DeviceState s, AlarmRecord record, Severity severity, DateTimeOffset now)
    {
        var raised = AlarmRecords.Apply(record, AlarmLifecycle.EscalateSeverity(AlarmRecords.ToLifecycle(record), (RuleSeverity)severity, now, AlarmLifecycle.SystemActor), now);
        if (raised.WorkOrderId is null && Rules.CreatesWorkOrder(severity))
        {
            raised = raised with { WorkOrderId = newId(now) };
        }

        Store(s, raised, "severityRaised", Rules.AudiencesFor(severity));
    }

    private AlarmRecord Close(DeviceState s, AlarmRecord record, DateTimeOffset now, string by, double value)
    {
        var alarm = AlarmRecords.ToLifecycle(record);
        var cleared = AlarmLifecycle.Clear(double.IsNaN(value) ? alarm : alarm with { LastValue = value }, now, by);
        if (s.RuleStates.TryGetValue(record.RuleId, out var checkpoint))
        {
            checkpoint.Firing = false;
            checkpoint.PendingSince = null;
        }

        // Whoever heard of the alarm hears that it is over.
        return Store(s, AlarmRecords.Apply(record, cleared, now), "cleared", Rules.AudiencesFor(record.Severity));
    }

    private AlarmRecord Store(DeviceState s, AlarmRecord record, string change, IReadOnlyList<NotifyAudience> notify)
    {
        if (record.IsOpen)
        {
            s.OpenAlarms[record.RuleId] = record;
        }
        else
        {
            s.OpenAlarms.Remove(record.RuleId);
        }

        s.HighestActiveSeverity = HighestSeverity(s);
        _changes.Add(new AlarmChange(record, change, notify));
        return record;
    }

    private static AlarmCommandResult Command(DeviceState s, string alarmId, Func<AlarmRecord, AlarmRecord> step)
    {
        var record = s.OpenAlarms.Values.FirstOrDefault(r => r.Id == alarmId);
        if (record is null)
        {
            return new AlarmCommandResult(AlarmCommandOutcome.NotFound, null, $"Alarm '{alarmId}' is not open on this device.");
        }

        try
        {
            return new AlarmCommandResult(AlarmCommandOutcome.Done, step(record));
        }
        catch (AlarmTransitionException refused)
        {
            return new AlarmCommandResult(AlarmCommandOutcome.Conflict, record, refused.Message);
        }
    }
}
