using IotService.Grains.Devices;
using IotService.Rules.Alarms;
using RecordState = IotService.Contracts.Alarms.AlarmState;

namespace IotService.Grains.Alarms;

/// <summary>The rules that fire on silence rather than on a reading: no-data rules and escalation, with when they are next due.</summary>
public sealed partial class DeviceAlarms
{
    /// <summary>The rules that run on a clock: no-data rules, and escalation of alarms nobody acknowledged in time.</summary>
    public void OnClock(DeviceState s, DateTimeOffset now)
    {
        foreach (var rule in Rules.NoData)
        {
            var since = QuietSince(s, rule);
            if (!s.OpenAlarms.ContainsKey(rule.Id) && now - since >= rule.NoDataPeriod)
            {
                Raise(s, rule, double.NaN, AlarmExplanations.NoData(rule.Definition.Property, now - since, rule.NoDataPeriod), now);
            }
        }

        if (Rules.EscalateAfter is not { } limit)
        {
            return;
        }

        foreach (var record in s.OpenAlarms.Values.ToList())
        {
            var (escalated, notifySupervisor) = AlarmLifecycle.EscalateIfUnacknowledged(AlarmRecords.ToLifecycle(record), now, limit);
            if (notifySupervisor)
            {
                Store(s, AlarmRecords.Apply(record, escalated, now), "escalated", [NotifyAudience.Supervisor]);
            }
        }
    }

    /// <summary>When <see cref="OnClock"/> next has something to do; null when nothing is pending.</summary>
    public DateTimeOffset? NextDue(DeviceState s)
    {
        DateTimeOffset? due = null;
        foreach (var rule in Rules.NoData.Where(rule => !s.OpenAlarms.ContainsKey(rule.Id)))
        {
            due = Earliest(due, QuietSince(s, rule) + rule.NoDataPeriod);
        }

        if (Rules.EscalateAfter is { } limit)
        {
            foreach (var record in s.OpenAlarms.Values.Where(r => r.State == RecordState.Active && r.EscalationLevel == 0))
            {
                due = Earliest(due, record.RaisedAt + limit);
            }
        }

        return due;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private static DateTimeOffset QuietSince(DeviceState s, CompiledRule rule)
    {
        var watching = s.RuleStates.TryGetValue(rule.Id, out var checkpoint) ? checkpoint.WatchingSince : s.RegisteredAt;
        var last = rule.Definition.Property is { } property
            ? s.PropertySeen.GetValueOrDefault(property, s.RegisteredAt)
            : s.LastSeen ?? s.RegisteredAt;
        return last > watching ? last : watching;
    }
}
