namespace IotService.Contracts.Common;

/// <summary>Alarm severity, ordered so that a larger value is worse.</summary>
public enum Severity
{
    None = 0,
    Warning = 1,
    Minor = 2,
    Major = 3,
    Critical = 4,
}
