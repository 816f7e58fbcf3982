namespace IotService.Contracts.Alarms;

/// <summary>
/// A stored change of an alarm. <paramref name="Event"/> is <c>raised</c>, <c>acknowledged</c>, <c>cleared</c>,
/// <c>severityRaised</c>, <c>escalated</c> or <c>workOrderLinked</c>. <paramref name="Notify"/> lists who must be
/// told now according to the model's actions; everyone allowed to see the alarm gets the change in-app regardless.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlarmChange(
    [property: Id(0)] AlarmRecord Alarm,
    [property: Id(1)] string Event,
    [property: Id(2)] IReadOnlyList<NotifyAudience> Notify);
