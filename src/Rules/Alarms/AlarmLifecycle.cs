using System.Collections.Immutable;
using IotService.Rules.Thresholds;

namespace IotService.Rules.Alarms;

/// <summary>Pure lifecycle steps of an alarm. Illegal steps throw <see cref="AlarmTransitionException"/>.</summary>
public static class AlarmLifecycle
{
    /// <summary>The actor recorded when the rule itself raises or clears an alarm, as opposed to a person.</summary>
    public const string RuleActor = "rule";

    /// <summary>The actor recorded for automatic escalation.</summary>
    public const string SystemActor = "system";

    public static Alarm Raise(
        string id, string deviceId, string ruleId, RuleSeverity severity, double value, DateTimeOffset at) =>
        new(id, deviceId, ruleId, severity, AlarmState.Active, at, value,
            [new AlarmHistoryEntry(AlarmEvent.Raised, at, RuleActor, AlarmState.Active, severity)]);

    public static Alarm Acknowledge(Alarm alarm, DateTimeOffset at, string by)
    {
        if (alarm.State != AlarmState.Active)
        {
            throw new AlarmTransitionException(alarm.Id, alarm.State, "acknowledge", "an Active alarm can be acknowledged");
        }

        return alarm with
        {
            State = AlarmState.Acknowledged,
            AcknowledgedAt = at,
            AcknowledgedBy = by,
            History = Append(alarm, AlarmEvent.Acknowledged, at, by, AlarmState.Acknowledged, alarm.Severity),
        };
    }

    /// <summary>Clears an Active or Acknowledged alarm; <paramref name="by"/> is <see cref="RuleActor"/> or a person.</summary>
    public static Alarm Clear(Alarm alarm, DateTimeOffset at, string by)
    {
        if (alarm.State == AlarmState.Cleared)
        {
            throw new AlarmTransitionException(alarm.Id, alarm.State, "clear", "an Active or Acknowledged alarm can be cleared");
        }

        return alarm with
        {
            State = AlarmState.Cleared,
            ClearedAt = at,
            ClearedBy = by,
            History = Append(alarm, AlarmEvent.Cleared, at, by, AlarmState.Cleared, alarm.Severity),
        };
    }

    /// <summary>Raises the severity of an open alarm; a lower or equal severity is refused so alarms never quietly downgrade.</summary>
    public static Alarm EscalateSeverity(Alarm alarm, RuleSeverity severity, DateTimeOffset at, string by)
    {
        if (alarm.State == AlarmState.Cleared)
        {
            throw new AlarmTransitionException(alarm.Id, alarm.State, "change the severity of", "an Active or Acknowledged alarm can change severity");
        }

        if (severity <= alarm.Severity)
        {
            throw new ArgumentOutOfRangeException(
                nameof(severity), severity, $"Alarm '{alarm.Id}' is {alarm.Severity}; severity can only be raised.");
        }

        return alarm with
        {
            Severity = severity,
            History = Append(alarm, AlarmEvent.SeverityRaised, at, by, alarm.State, severity),
        };
    }

    /// <summary>
    /// Escalates to the supervisor once, when the alarm is still Active (nobody acknowledged it) at least
    /// <paramref name="limit"/> after it was raised. Otherwise returns the alarm unchanged and no notification.
    /// </summary>
    public static EscalationResult EscalateIfUnacknowledged(Alarm alarm, DateTimeOffset now, TimeSpan limit)
    {
        if (alarm.State != AlarmState.Active || alarm.IsEscalated || now - alarm.RaisedAt < limit)
        {
            return new EscalationResult(alarm, false);
        }

        var escalated = alarm with
        {
            EscalationLevel = alarm.EscalationLevel + 1,
            History = Append(alarm, AlarmEvent.Escalated, now, SystemActor, alarm.State, alarm.Severity),
        };
        return new EscalationResult(escalated, true);
    }

    private static ImmutableList<AlarmHistoryEntry> Append(
        Alarm alarm, AlarmEvent kind, DateTimeOffset at, string actor, AlarmState state, RuleSeverity severity) =>
        alarm.History.Add(new AlarmHistoryEntry(kind, at, actor, state, severity));
}
