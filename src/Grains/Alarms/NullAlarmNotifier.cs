using IotService.Contracts.Alarms;

namespace IotService.Grains.Alarms;

/// <summary>The notifier when the host registers none (grain tests, tools): changes are stored, nobody is told.</summary>
public sealed class NullAlarmNotifier : IAlarmNotifier
{
    public void Publish(AlarmChange change)
    {
    }
}
