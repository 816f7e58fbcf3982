using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.WorkOrders;
using IotService.Grains.WorkOrders;
using IotService.Rules.Alarms;

namespace IotService.Grains.Alarms;

/// <summary>
/// The work order an alarm raises (action <c>createWorkOrder</c>): type, skill, level and priority from the model. An
/// alarm that forecasts a crossing raises predictive maintenance (SPEC §8), due before the crossing can come.
/// </summary>
internal static class AlarmWorkOrders
{
    /// <summary>Used when the model asks for work orders but names no skill: dispatch then considers every technician with this skill.</summary>
    public const string DefaultSkill = "general";

    public static WorkOrder From(AlarmRecord alarm, DeviceRules rules, GeoPoint? location, DateTimeOffset now)
    {
        var template = rules.Model?.WorkOrder;
        var forecast = alarm.Explanation.Forecast;
        return new WorkOrder(
            alarm.WorkOrderId!,
            forecast is null ? WorkOrderTemplates.Type(template) : WorkOrderType.Predictive,
            WorkOrderState.New,
            WorkOrderTemplates.Priority(template, PriorityFor(alarm.Severity)),
            WorkOrderSource.Alarm,
            alarm.DeviceId,
            string.IsNullOrWhiteSpace(template?.Skill) ? DefaultSkill : template.Skill,
            template?.Level ?? 1,
            now,
            AlarmLifecycle.RuleActor,
            [],
            now)
        {
            CustomerId = alarm.CustomerId,
            ModelId = alarm.ModelId,
            AlarmId = alarm.Id,
            Description = Describe(alarm, alarm.Explanation),
            CustomerDescription = rules.Model is { } model && model.ShowsCustomers(alarm.Explanation)
                ? null
                : Describe(alarm, AlarmExplanation.Withheld(alarm.RuleId)),
            Location = location,
            DueAt = forecast is null ? null : PredictiveDue(forecast, now),
        };
    }

    /// <summary>
    /// The earliest crossing the forecast's band allows: the visit is planned for before the limit can plausibly be
    /// reached, not merely before its most likely time. Never before now; the work-order grain still holds it to the SLA.
    /// </summary>
    public static DateTimeOffset PredictiveDue(AlarmForecast forecast, DateTimeOffset now) => forecast.Earliest > now ? forecast.Earliest : now;

    private static string Describe(AlarmRecord alarm, AlarmExplanation explanation)
        => $"Alarm '{alarm.RuleId}' ({alarm.Severity.ToString().ToLowerInvariant()}): {explanation.Text}";

    private static WorkOrderPriority PriorityFor(Severity severity) => severity switch
    {
        Severity.Critical => WorkOrderPriority.Urgent,
        Severity.Major => WorkOrderPriority.High,
        Severity.Minor => WorkOrderPriority.Normal,
        _ => WorkOrderPriority.Low,
    };
}
