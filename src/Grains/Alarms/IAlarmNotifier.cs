namespace IotService.Grains.Alarms;

/// <summary>
/// Tells people about alarm changes (SignalR, webhooks). The device grain calls it after the change is stored,
/// so it must return at once and do its work elsewhere: a slow receiver must never hold up a device.
/// </summary>
public interface IAlarmNotifier
{
    void Publish(AlarmChange change);
}
