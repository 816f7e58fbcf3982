namespace IotService.Contracts.Alarms;

/// <summary>
/// Tells people about alarm changes (SignalR, webhooks). The device grain that owns the alarm calls it after the change
/// is stored, and nothing else does. It must return at once and do its work elsewhere: a slow receiver must never hold
/// up a device. The web host implements it; a silo without one uses a null implementation.
/// </summary>
/// <remarks>
/// An observer (one-way, no answer) so that a silo without a web host could later be given a reference to a hub's
/// implementation; today every silo is a hub and the grain calls its own hub's implementation in process.
/// </remarks>
[Alias("IotService.Contracts.Alarms.IAlarmNotifier")]
public interface IAlarmNotifier : IGrainObserver
{
    [Alias("Publish")]
    void Publish(AlarmChange change);
}
