namespace IotService.Rules.Alarms;

/// <summary>One step in an alarm's life: what happened, when, who did it, and the state and severity after it.</summary>
public sealed record AlarmHistoryEntry(
    AlarmStepKind Event, DateTimeOffset At, string Actor, AlarmPhase State, RuleSeverity Severity, string? Note = null);
