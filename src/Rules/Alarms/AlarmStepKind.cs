namespace IotService.Rules.Alarms;

/// <summary>The kinds of step recorded in an alarm's history.</summary>
public enum AlarmStepKind
{
    Raised,
    Acknowledged,
    Cleared,
    SeverityRaised,
    Escalated,
}
