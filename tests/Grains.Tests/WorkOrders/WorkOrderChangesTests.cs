using System.Globalization;
using IotService.Contracts.WorkOrders;
using IotService.Grains.WorkOrders;

namespace IotService.Grains.Tests.WorkOrders;

public sealed class WorkOrderChangesTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T08:00:00Z", CultureInfo.InvariantCulture);

    private static readonly WorkOrder Order = new(
        "wo-1", WorkOrderType.Repair, WorkOrderState.New, WorkOrderPriority.High, WorkOrderSource.Alarm, "dev-1", "refrigeration", 2,
        T0, "rule", [new WorkOrderStep(WorkOrderState.New, T0, "rule")], T0);

    private static WorkOrder Step(WorkOrder order, string action, string? technicianId = null) =>
        WorkOrderLifecycle.Apply(order, new WorkOrderCommand(action, "dispatcher", technicianId), T0.AddMinutes(1));

    [Theory]
    [InlineData("decline")]
    [InlineData("unassign")]
    public void AStepThatTakesTheOrderFromItsTechnicianNamesThem(string action)
    {
        var assigned = Step(Order, "assign", "tech-1");

        var change = WorkOrderChanges.Step(action, assigned, Step(assigned, action));

        Assert.Equal((action, "tech-1", null), (change.Event, change.PreviousTechnicianId, change.Order.TechnicianId));
    }

    [Fact]
    public void AReassignmentNamesTheTechnicianItWasTakenFrom()
    {
        var assigned = Step(Order, "assign", "tech-1");

        var change = WorkOrderChanges.Step("assign", assigned, Step(assigned, "assign", "tech-2"));

        Assert.Equal(("tech-2", "tech-1"), (change.Order.TechnicianId, change.PreviousTechnicianId));
    }

    [Fact]
    public void AStepThatKeepsTheTechnicianNamesNoPreviousOne()
    {
        var assigned = Step(Order, "assign", "tech-1");

        Assert.Null(WorkOrderChanges.Step("accept", assigned, Step(assigned, "accept")).PreviousTechnicianId);
        Assert.Null(WorkOrderChanges.Step("assign", Order, assigned).PreviousTechnicianId);
    }
}
