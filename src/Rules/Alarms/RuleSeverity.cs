namespace IotService.Rules.Alarms;

/// <summary>How serious a rule's alarm is; higher numbers are more severe, so severities compare by value.</summary>
public enum RuleSeverity
{
    Warning = 1,
    Minor = 2,
    Major = 3,
    Critical = 4,
}
