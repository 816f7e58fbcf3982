namespace IotService.Contracts.Alarms;

/// <summary>How a person's acknowledge or clear went; <see cref="Error"/> explains a refusal.</summary>
public enum AlarmCommandOutcome
{
    Done = 0,
    NotFound = 1,
    Conflict = 2,
}

/// <summary>The result of an acknowledge or clear: the alarm after the step, or why it was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record AlarmCommandResult(
    [property: Id(0)] AlarmCommandOutcome Outcome,
    [property: Id(1)] AlarmRecord? Alarm,
    [property: Id(2)] string? Error = null);
