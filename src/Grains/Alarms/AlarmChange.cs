using IotService.Contracts.Alarms;

namespace IotService.Grains.Alarms;

/// <summary>
/// A stored change of an alarm. <paramref name="Event"/> is <c>raised</c>, <c>acknowledged</c>, <c>cleared</c>,
/// <c>severityRaised</c>, <c>escalated</c> or <c>workOrderLinked</c>. <paramref name="Notify"/> lists who must be
/// told now according to the model's actions; everyone allowed to see the alarm gets the change in-app regardless.
/// </summary>
public sealed record AlarmChange(AlarmRecord Alarm, string Event, IReadOnlyList<NotifyAudience> Notify);
