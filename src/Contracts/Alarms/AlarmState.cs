namespace IotService.Contracts.Alarms;

/// <summary>Where an alarm is in its lifecycle (SPEC §6): active → acknowledged → cleared.</summary>
public enum AlarmState
{
    Active = 0,
    Acknowledged = 1,
    Cleared = 2,
}
