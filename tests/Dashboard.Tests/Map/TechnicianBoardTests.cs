using IotService.Contracts.Common;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Map;

namespace IotService.Dashboard.Tests.Map;

public sealed class TechnicianBoardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static TechnicianDefinition Technician(string id, GeoPoint? location = null, GeoPoint? home = null, int second = 0)
        => new(id, "Name " + id, [new SkillLevel("refrigeration", 2)], location, HomeBase: home, UpdatedAt: T0.AddSeconds(second));

    private static WorkOrder Order(string id, string? technician, WorkOrderState state, int assignedSecond = 0, int updatedSecond = 0)
        => new(id, WorkOrderType.Repair, state, WorkOrderPriority.Normal, WorkOrderSource.Manual, "dev-1", "refrigeration", 2, T0, "dispatcher", [], T0.AddSeconds(updatedSecond))
        {
            TechnicianId = technician,
            AssignedAt = T0.AddSeconds(assignedSecond),
        };

    [Fact]
    public void ATechnicianIsShownWhereTheyAreElseAtHomeAndAnOlderCopyNeverWins()
    {
        var board = new TechnicianBoard();
        board.Publish(Technician("t1", home: new GeoPoint(1, 2)));
        board.Publish(Technician("t2"));
        board.Publish(Technician("t1", location: new GeoPoint(3, 4), second: 2));
        board.Publish(Technician("t1", location: new GeoPoint(5, 6), second: 1));

        Assert.Equal(
            [new MapTechnician("t1", "Name t1", 3, 4, true, null), new MapTechnician("t2", "Name t2", null, null, true, null)],
            board.All());
    }

    [Fact]
    public void TheCurrentOrderIsTheOpenOneFurthestAlong()
    {
        var board = new TechnicianBoard();
        board.Publish(Technician("t1"));
        board.TakeChanges();

        board.OnWorkOrder(Order("wo-1", "t1", WorkOrderState.Assigned, assignedSecond: 1));
        board.OnWorkOrder(Order("wo-2", "t1", WorkOrderState.Assigned, assignedSecond: 2));
        Assert.Equal("wo-1", Assert.Single(board.TakeChanges()).CurrentWorkOrderId);

        board.OnWorkOrder(Order("wo-2", "t1", WorkOrderState.OnSite, assignedSecond: 2, updatedSecond: 5));
        Assert.Equal("wo-2", Assert.Single(board.TakeChanges()).CurrentWorkOrderId);

        board.OnWorkOrder(Order("wo-2", "t1", WorkOrderState.Completed, updatedSecond: 6));
        board.OnWorkOrder(Order("wo-1", "t2", WorkOrderState.Assigned, updatedSecond: 6));
        Assert.Null(Assert.Single(board.TakeChanges()).CurrentWorkOrderId);
    }

    [Fact]
    public void AnOrderReadAtStartOrALateCopyDoesNotUndoAChangeAlreadyHeard()
    {
        var board = new TechnicianBoard();
        board.Publish(Technician("t1"));
        board.OnWorkOrder(Order("wo-2", "t1", WorkOrderState.Assigned, assignedSecond: 0, updatedSecond: 1));
        board.OnWorkOrder(Order("wo-1", "t1", WorkOrderState.Travelling, assignedSecond: 3, updatedSecond: 5));

        board.Load(Order("wo-1", "t1", WorkOrderState.Assigned, assignedSecond: 3, updatedSecond: 3));
        board.OnWorkOrder(Order("wo-1", "t1", WorkOrderState.Assigned, assignedSecond: 3, updatedSecond: 4));

        Assert.Equal("wo-1", board.All().Single().CurrentWorkOrderId);
    }
}
