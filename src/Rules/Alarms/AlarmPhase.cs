namespace IotService.Rules.Alarms;

/// <summary>Where an alarm is in its one-way lifecycle: active → acknowledged → cleared (SPEC §6).</summary>
public enum AlarmPhase
{
    Active,
    Acknowledged,
    Cleared,
}
