using System.Diagnostics.Metrics;
using IotService.Contracts.Alarms;
using IotService.Dashboard.Live;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications;

/// <summary>
/// The hub's <see cref="IAlarmNotifier"/>: queues the device grains' alarm changes (at most
/// <see cref="AlarmNotificationOptions.QueueCapacity"/>, the oldest dropped) for <see cref="AlarmNotificationService"/>.
/// </summary>
public sealed class AlarmNotifier(IOptions<AlarmNotificationOptions> options, IMeterFactory meterFactory, ILogger<AlarmNotifier> logger)
    : LiveEventQueue<AlarmChange>(options.Value.QueueCapacity, meterFactory, "iot.notifications.alarms", "Alarm changes"), IAlarmNotifier
{
    protected override void LogDropped(AlarmChange change, long total) => logger.AlarmChangeDropped(change.Alarm.Id, change.Event, total);
}
