using System.Diagnostics.Metrics;
using IotService.Contracts.Alarms;
using IotService.Dashboard.Live;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications;

/// <summary>
/// The hub's <see cref="IAlarmNotifier"/>: queues the device grains' alarm changes (at most
/// <see cref="AlarmNotificationOptions.QueueCapacity"/>, the oldest dropped) for <see cref="AlarmNotificationService"/>,
/// with those another hub of the cluster relays (<see cref="PublishFromAnotherHub"/>).
/// </summary>
public sealed class AlarmNotifier(IOptions<AlarmNotificationOptions> options, IMeterFactory meterFactory, ILogger<AlarmNotifier> logger)
    : LiveEventQueue<AlarmNotice>(options.Value.QueueCapacity, meterFactory, "iot.notifications.alarms", "Alarm changes"), IAlarmNotifier
{
    public void Publish(AlarmChange change) => Publish(new AlarmNotice(change, FromAnotherHub: false));

    public void PublishFromAnotherHub(AlarmChange change) => Publish(new AlarmNotice(change, FromAnotherHub: true));

    protected override void LogDropped(AlarmNotice notice, long total) => logger.AlarmChangeDropped(notice.Change.Alarm.Id, notice.Change.Event, total);
}
