using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Live;
using IotService.Dashboard.WorkOrders;

namespace IotService.Dashboard.Tests.WorkOrders;

public sealed class WorkOrderRouterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private const string Hidden = "Alarm 'overcurrent' (critical): compressor_current is 350 A";

    private static WorkOrder Order(string? customerId = "cust-1", string? technicianId = null) => new(
        "wo-1", WorkOrderType.Repair, WorkOrderState.Assigned, WorkOrderPriority.High, WorkOrderSource.Alarm, "dev-1", "refrigeration", 2,
        Now, "rule", [new WorkOrderStep(WorkOrderState.New, Now, "rule", Hidden)], Now)
    {
        CustomerId = customerId,
        TechnicianId = technicianId,
        Description = Hidden,
    };

    private static string[] Groups(IEnumerable<LiveMessage> messages) => messages.Select(m => $"{m.Method} → {m.Group}").ToArray();

    [Fact]
    public void StaffTheTechnicianAndTheOneItWasTakenFromGetTheOrderAndTheCustomerItsOwnView()
    {
        var messages = WorkOrderRouter.Plan(new WorkOrderChange("assign", Order(technicianId: "tech-2"), "tech-1"));

        Assert.Equal(["workOrder → staff", "workOrder → technician:tech-2", "workOrder → technician:tech-1", "workOrder → customer:cust-1"], Groups(messages));
        Assert.All(messages.Take(3), m => Assert.Equal(Hidden, Assert.IsType<WorkOrderEvent>(m.Payload).Order.Description));
        var customer = Assert.IsType<WorkOrderEvent>(messages[3].Payload);
        Assert.Equal(("assign", WorkOrderVisibility.WithheldDescription), (customer.Event, customer.Order.Description));
        Assert.DoesNotContain(customer.Order.History, s => s.Note == Hidden);
    }

    [Fact]
    public void ANewOrderWithoutTechnicianOrCustomerGoesToStaffOnly()
    {
        var messages = WorkOrderRouter.Plan(new WorkOrderChange(WorkOrderChange.Created, Order(customerId: null)));

        Assert.Equal(["workOrder → staff"], Groups(messages));
        Assert.Equal("created", Assert.IsType<WorkOrderEvent>(messages[0].Payload).Event);
    }

    [Fact]
    public void ATechnicianNamedTwiceIsToldOnce()
    {
        var messages = WorkOrderRouter.Plan(new WorkOrderChange("accept", Order(customerId: null, technicianId: "tech-1"), "tech-1"));

        Assert.Equal(["workOrder → staff", "workOrder → technician:tech-1"], Groups(messages));
    }
}
