using IotService.Contracts.Alarms;
using IotService.Grains.Devices;
using IotService.Rules.Alarms;
using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>What fires on silence rather than on a reading: rules that decide on the clock, and escalation, with when they are next due.</summary>
public sealed partial class DeviceAlarms
{
    /// <summary>The rules' clock (no-data rules decide here), then escalation of alarms nobody acknowledged in time.</summary>
    public void OnClock(DeviceState s, DateTimeOffset now)
    {
        var activity = Activity(s);
        foreach (var rule in Rules.All)
        {
            var state = StateOf(s, rule, now);
            Apply(s, rule, state, rule.Compiled.OnClock(state, activity, now), activity, now);
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
        var activity = Activity(s);
        foreach (var rule in Rules.All)
        {
            if (s.RuleStates.TryGetValue(rule.Id, out var checkpoint) && checkpoint.Live is { } state
                && rule.Compiled.NextDue(state, activity) is { } ruleDue)
            {
                due = Earliest(due, ruleDue);
            }
        }

        if (Rules.EscalateAfter is { } limit)
        {
            foreach (var record in s.OpenAlarms.Values.Where(r => r.State == AlarmState.Active && r.EscalationLevel == 0))
            {
                if (RuleDurations.After(record.RaisedAt, limit) is { } escalation)
                {
                    due = Earliest(due, escalation);
                }
            }
        }

        return due;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
