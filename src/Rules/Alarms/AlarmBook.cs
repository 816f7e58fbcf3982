using IotService.Rules.Thresholds;

namespace IotService.Rules.Alarms;

/// <summary>
/// The open alarms of one device, at most one per rule (SPEC §6: no duplicate while active).
/// Cleared alarms leave the book, so a later raise of the same rule creates a new alarm with a new id.
/// Ids come from <paramref name="newId"/> so callers (and tests) decide how they are made.
/// </summary>
public sealed class AlarmBook(string deviceId, Func<string> newId)
{
    private readonly Dictionary<string, Alarm> _openByRule = new(StringComparer.Ordinal);

    public string DeviceId { get; } = deviceId;

    public IReadOnlyCollection<Alarm> OpenAlarms => _openByRule.Values;

    public Alarm? OpenFor(string ruleId) => _openByRule.GetValueOrDefault(ruleId);

    /// <summary>Re-seeds the book from persisted state; cleared alarms are skipped.</summary>
    public void Restore(IEnumerable<Alarm> alarms)
    {
        foreach (var alarm in alarms.Where(a => a.IsOpen && a.DeviceId == DeviceId))
        {
            _openByRule[alarm.RuleId] = alarm;
        }
    }

    /// <summary>Opens an alarm for the rule, or, if one is open, only records the latest value on it.</summary>
    public AlarmRaiseResult Raise(string ruleId, RuleSeverity severity, double value, DateTimeOffset at)
    {
        if (_openByRule.TryGetValue(ruleId, out var open))
        {
            var updated = open with { LastValue = value };
            _openByRule[ruleId] = updated;
            return new AlarmRaiseResult(updated, false);
        }

        var alarm = AlarmLifecycle.Raise(newId(), DeviceId, ruleId, severity, value, at);
        _openByRule[ruleId] = alarm;
        return new AlarmRaiseResult(alarm, true);
    }

    public Alarm Acknowledge(string alarmId, DateTimeOffset at, string by) =>
        Replace(AlarmLifecycle.Acknowledge(Find(alarmId), at, by));

    /// <summary>A person clears an alarm by id.</summary>
    public Alarm Clear(string alarmId, DateTimeOffset at, string by) =>
        Replace(AlarmLifecycle.Clear(Find(alarmId), at, by));

    /// <summary>The rule cleared: closes its open alarm if there is one; null when none was open.</summary>
    public Alarm? ClearByRule(string ruleId, DateTimeOffset at, double value)
    {
        if (!_openByRule.TryGetValue(ruleId, out var open))
        {
            return null;
        }

        return Replace(AlarmLifecycle.Clear(open with { LastValue = value }, at, AlarmLifecycle.RuleActor));
    }

    public Alarm EscalateSeverity(string alarmId, RuleSeverity severity, DateTimeOffset at, string by) =>
        Replace(AlarmLifecycle.EscalateSeverity(Find(alarmId), severity, at, by));

    /// <summary>Escalates every overdue unacknowledged alarm once; returns those whose supervisor must be told now.</summary>
    public IReadOnlyList<Alarm> EscalateOverdue(DateTimeOffset now, TimeSpan limit)
    {
        List<Alarm>? notify = null;
        foreach (var alarm in _openByRule.Values.ToList())
        {
            var (escalated, notifySupervisor) = AlarmLifecycle.EscalateIfUnacknowledged(alarm, now, limit);
            if (notifySupervisor)
            {
                Replace(escalated);
                (notify ??= []).Add(escalated);
            }
        }

        return notify ?? [];
    }

    private Alarm Find(string alarmId) =>
        _openByRule.Values.FirstOrDefault(a => a.Id == alarmId)
        ?? throw new KeyNotFoundException($"Device '{DeviceId}' has no open alarm '{alarmId}'.");

    private Alarm Replace(Alarm alarm)
    {
        if (alarm.IsOpen)
        {
            _openByRule[alarm.RuleId] = alarm;
        }
        else
        {
            _openByRule.Remove(alarm.RuleId);
        }

        return alarm;
    }
}
