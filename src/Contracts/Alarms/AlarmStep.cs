using IotService.Contracts.Common;

namespace IotService.Contracts.Alarms;

/// <summary>
/// One step in an alarm's history: <paramref name="Event"/> is raised, acknowledged, cleared, severityRaised or
/// escalated; <paramref name="Actor"/> is a user name, <c>rule</c> or <c>system</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlarmStep(
    [property: Id(0)] string Event,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] AlarmState State,
    [property: Id(4)] Severity Severity)
{
    /// <summary>What the person wrote with an acknowledge or clear step (omitted when they wrote nothing).</summary>
    [Id(5)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}
