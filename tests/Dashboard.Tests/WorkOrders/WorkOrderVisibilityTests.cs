using IotService.Contracts.WorkOrders;
using IotService.Dashboard.WorkOrders;

namespace IotService.Dashboard.Tests.WorkOrders;

public sealed class WorkOrderVisibilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheCustomerGetsTheCustomerDescriptionWhereverTheHiddenOneWasRepeated()
    {
        var order = Order(WorkOrderSource.Alarm, "Alarm 'overcurrent' (critical): compressor_current is 350 A") with
        {
            CustomerDescription = "Alarm 'overcurrent' (critical): Rule 'overcurrent' found a problem that a technician will look into.",
        };

        var seen = WorkOrderVisibility.ForCustomer(order);

        Assert.Equal(order.CustomerDescription, seen.Description);
        Assert.Equal([order.CustomerDescription, "parts ordered"], seen.History.Select(s => s.Note));
    }

    [Fact]
    public void AnAlarmOrderStoredWithoutACustomerDescriptionIsWithheldWhole()
    {
        var seen = WorkOrderVisibility.ForCustomer(Order(WorkOrderSource.Alarm, "Alarm 'overcurrent' (critical): compressor_current is 350 A"));

        Assert.Equal(WorkOrderVisibility.WithheldDescription, seen.Description);
        Assert.DoesNotContain(seen.History, s => s.Note?.Contains("350", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(WorkOrderSource.Customer)]
    [InlineData(WorkOrderSource.Manual)]
    public void OrdersPeopleWroteAreShownAsWritten(WorkOrderSource source)
    {
        var order = Order(source, "noisy compressor");

        Assert.Same(order, WorkOrderVisibility.ForCustomer(order));
    }

    private static WorkOrder Order(WorkOrderSource source, string description) =>
        new("wo-1", WorkOrderType.Repair, WorkOrderState.OnHold, WorkOrderPriority.High, source, "dev-1", "refrigeration", 2, Now, "rule",
            [new WorkOrderStep(WorkOrderState.New, Now, "rule", description), new WorkOrderStep(WorkOrderState.OnHold, Now, "dispatcher", "parts ordered")], Now)
        {
            Description = description,
            CustomerId = "cust-1",
        };
}
