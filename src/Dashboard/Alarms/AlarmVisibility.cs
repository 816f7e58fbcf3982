using IotService.Contracts.Alarms;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Alarms;

/// <summary>
/// What a customer may see of an alarm. Customers see every alarm of their devices (SPEC §5), but an alarm on
/// a property the model shows to technicians only must not leak that property's values through its explanation. A
/// relation between properties (a multivariate anomaly) is judged on every property of the model
/// (<see cref="IotService.Contracts.Models.DeviceModelDefinition.ShowsCustomers(AlarmExplanation)"/>); an unknown model shows nothing
/// but explanations that name no property.
/// </summary>
public static class AlarmVisibility
{
    public static AlarmRecord ForCustomer(AlarmRecord alarm, DeviceDirectory directory)
    {
        var explanation = alarm.Explanation;
        var shown = directory.TryGetModel(alarm.ModelId, out var model)
            ? model.Definition.ShowsCustomers(explanation)
            : explanation is { Property: null, Contributors.Count: 0 };
        if (shown)
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
