using System.Collections.Immutable;

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
        new(id, deviceId, ruleId, severity, AlarmPhase.Active, at, value,
            [new AlarmHistoryEntry(AlarmStepKind.Raised, at, RuleActor, AlarmPhase.Active, severity)]);

    /// <param name="note">What the person wrote with the step (who is on it, why it is cleared), kept in the history.</param>
    public static Alarm Acknowledge(Alarm alarm, DateTimeOffset at, string by, string? note = null)
    {
        if (alarm.State != AlarmPhase.Active)
        {
            throw new AlarmTransitionException(alarm.Id, alarm.State, "acknowledge", "an Active alarm can be acknowledged");
        }

        return alarm with
        {
            State = AlarmPhase.Acknowledged,
            AcknowledgedAt = at,
            AcknowledgedBy = by,
            History = Append(alarm, AlarmStepKind.Acknowledged, at, by, AlarmPhase.Acknowledged, alarm.Severity, note),
        };
    }

    /// <summary>Clears an Active or Acknowledged alarm; <paramref name="by"/> is <see cref="RuleActor"/> or a person.</summary>
    public static Alarm Clear(Alarm alarm, DateTimeOffset at, string by, string? note = null)
    {
        if (alarm.State == AlarmPhase.Cleared)
        {
            throw new AlarmTransitionException(alarm.Id, alarm.State, "clear", "an Active or Acknowledged alarm can be cleared");
        }

        return alarm with
        {
            State = AlarmPhase.Cleared,
            ClearedAt = at,
            ClearedBy = by,
            History = Append(alarm, AlarmStepKind.Cleared, at, by, AlarmPhase.Cleared, alarm.Severity, note),
        };
    }

    /// <summary>Raises the severity of an open alarm; a lower or equal severity is refused so alarms never quietly downgrade.</summary>
    public static Alarm EscalateSeverity(Alarm alarm, RuleSeverity severity, DateTimeOffset at, string by)
    {
        if (alarm.State == AlarmPhase.Cleared)
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
            History = Append(alarm, AlarmStepKind.SeverityRaised, at, by, alarm.State, severity),
        };
    }

    /// <summary>
    /// Escalates to the supervisor once, when the alarm is still Active (nobody acknowledged it) at least
    /// <paramref name="limit"/> after it was raised. Otherwise returns the alarm unchanged and no notification.
    /// </summary>
    public static EscalationResult EscalateIfUnacknowledged(Alarm alarm, DateTimeOffset now, TimeSpan limit)
    {
        if (alarm.State != AlarmPhase.Active || alarm.IsEscalated || now - alarm.RaisedAt < limit)
        {
            return new EscalationResult(alarm, false);
        }

        var escalated = alarm with
        {
            EscalationLevel = alarm.EscalationLevel + 1,
            History = Append(alarm, AlarmStepKind.Escalated, now, SystemActor, alarm.State, alarm.Severity),
        };
        return new EscalationResult(escalated, true);
    }

    private static ImmutableList<AlarmHistoryEntry> Append(
        Alarm alarm, AlarmStepKind kind, DateTimeOffset at, string actor, AlarmPhase state, RuleSeverity severity, string? note = null) =>
        alarm.History.Add(new AlarmHistoryEntry(kind, at, actor, state, severity, note));
}
