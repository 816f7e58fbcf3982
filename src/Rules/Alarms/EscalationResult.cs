namespace IotService.Rules.Alarms;

/// <summary>The alarm after an escalation check, and whether the supervisor must be told now.</summary>
public readonly record struct EscalationResult(Alarm Alarm, bool NotifySupervisor);
