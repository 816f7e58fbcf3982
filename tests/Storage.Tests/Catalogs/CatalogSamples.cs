using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.WorkOrders;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

/// <summary>Alarms and work orders whose ids are Guid v7 made <c>minute</c> minutes after <see cref="Summaries.T0"/>, so a larger minute is newer.</summary>
internal static class CatalogSamples
{
    public static string IdAt(int minute) => Guid.CreateVersion7(T0.AddMinutes(minute)).ToString("N");

    public static AlarmRecord Alarm(int minute) => new(
        Id: IdAt(minute),
        DeviceId: "dev-0001",
        ModelId: "chiller-x",
        CustomerId: "cust-1",
        RuleId: "overheat",
        RuleKind: "threshold",
        Severity: Severity.Critical,
        State: AlarmState.Active,
        RaisedAt: T0.AddMinutes(minute),
        Explanation: new AlarmExplanation("temperature 95 °C is above 90 °C", "temperature", 95, null, 90),
        History: [new AlarmStep("raised", T0.AddMinutes(minute), "rule", AlarmState.Active, Severity.Critical)],
        UpdatedAt: T0.AddMinutes(minute));

    public static WorkOrder Order(int minute) => new(
        Id: IdAt(minute),
        Type: WorkOrderType.Repair,
        State: WorkOrderState.New,
        Priority: WorkOrderPriority.Normal,
        Source: WorkOrderSource.Manual,
        DeviceId: "dev-0001",
        Skill: "refrigeration",
        Level: 2,
        CreatedAt: T0.AddMinutes(minute),
        CreatedBy: "dispatcher-1",
        History: [new WorkOrderStep(WorkOrderState.New, T0.AddMinutes(minute), "dispatcher-1")],
        UpdatedAt: T0.AddMinutes(minute))
    {
        CustomerId = "cust-1",
    };
}
