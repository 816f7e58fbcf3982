namespace IotService.Rules.Alarms;

/// <summary>The open alarm for a rule after a raise, and whether it is new (false: de-duplicated onto the open one).</summary>
public readonly record struct AlarmRaiseResult(Alarm Alarm, bool Created);
