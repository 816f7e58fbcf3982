using IotService.Contracts.Alarms;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Alarms;

/// <summary>
/// What a customer may see of an alarm. Customers see every alarm of their devices (SPEC §5), but an alarm on
/// a property the model shows to technicians only must not leak that property's values through its explanation.
/// </summary>
public static class AlarmVisibility
{
    public static AlarmRecord ForCustomer(AlarmRecord alarm, DeviceDirectory directory)
    {
        var property = alarm.Explanation.Property;
        if (property is null
            || (directory.TryGetModel(alarm.ModelId, out var model) && model.CustomerProperties.Contains(property)))
        {
            return alarm;
        }

        return alarm with
        {
            Explanation = AlarmExplanation.Withheld(alarm.RuleId),
            LastValue = null,
        };
    }
}
