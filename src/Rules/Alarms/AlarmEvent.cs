namespace IotService.Rules.Alarms;

/// <summary>The kinds of step recorded in an alarm's history.</summary>
public enum AlarmEvent
{
    Raised,
    Acknowledged,
    Cleared,
    SeverityRaised,
    Escalated,
}
