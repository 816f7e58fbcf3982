using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Grains.Devices;
using IotService.Rules.Alarms;

namespace IotService.Grains.Alarms;

/// <summary>The alarm lifecycle on this device: people's steps, and the steps rules and model edits take, each through <see cref="AlarmLifecycle"/>.</summary>
public sealed partial class DeviceAlarms
{
    public static Severity HighestSeverity(DeviceState s) =>
        s.OpenAlarms.Count == 0 ? Severity.None : s.OpenAlarms.Values.Max(record => record.Severity);

    public AlarmCommandResult Acknowledge(DeviceState s, string alarmId, string by, DateTimeOffset now, string? note = null) =>
        Command(s, alarmId, record =>
        {
            var acknowledged = AlarmLifecycle.Acknowledge(AlarmRecords.ToLifecycle(record), now, by, note);
            return Store(s, AlarmRecords.Apply(record, acknowledged, now), "acknowledged", []);
        });

    /// <summary>A person clears an alarm: its rule starts afresh, so a condition that still holds raises a new alarm.</summary>
    public AlarmCommandResult Clear(DeviceState s, string alarmId, string by, DateTimeOffset now, string? note = null) =>
        Command(s, alarmId, record => Close(s, record, now, by, double.NaN, byPerson: true, note));

    private void Raise(DeviceState s, ModelRule rule, double value, AlarmExplanation explanation, DateTimeOffset now)
    {
        var alarm = AlarmLifecycle.Raise(newId(now), deviceId, rule.Id, AlarmRecords.ToLifecycle(rule.Severity), value, now);
        var record = new AlarmRecord(
            alarm.Id, deviceId, s.ModelId, s.CustomerId, rule.Id, rule.Definition.Kind, rule.Severity, AlarmState.Active,
            now, explanation, [], now)
        {
            // Chosen before the order exists, and stored with the alarm, so a retry after a crash creates that same order.
            WorkOrderId = Rules.CreatesWorkOrder(rule.Severity) ? newId(now) : null,
        };
        Store(s, AlarmRecords.Apply(record, alarm, now), "raised", Rules.AudiencesFor(rule.Severity));
    }

    private void RaiseSeverity(DeviceState s, AlarmRecord record, Severity severity, DateTimeOffset now)
    {
        var escalated = AlarmLifecycle.EscalateSeverity(AlarmRecords.ToLifecycle(record), AlarmRecords.ToLifecycle(severity), now, AlarmLifecycle.SystemActor);
        var raised = AlarmRecords.Apply(record, escalated, now);
        if (raised.WorkOrderId is null && Rules.CreatesWorkOrder(severity))
        {
            raised = raised with { WorkOrderId = newId(now) };
        }

        Store(s, raised, "severityRaised", Rules.AudiencesFor(severity));
    }

    /// <summary>Clears the alarm and tells its rule, if the rule is still in the model, that its alarm is over.</summary>
    private AlarmRecord Close(DeviceState s, AlarmRecord record, DateTimeOffset now, string by, double value, bool byPerson, string? note = null)
    {
        var alarm = AlarmRecords.ToLifecycle(record);
        var cleared = AlarmLifecycle.Clear(double.IsNaN(value) ? alarm : alarm with { LastValue = value }, now, by, note);
        if (Rules.ById.TryGetValue(record.RuleId, out var rule))
        {
            rule.Compiled.OnAlarmCleared(StateOf(s, rule, now), byPerson, now);
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
