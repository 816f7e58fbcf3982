using System.Globalization;
using IotService.Contracts.Customers;
using IotService.Contracts.WorkOrders;
using IotService.Grains.WorkOrders;
using static IotService.Contracts.WorkOrders.WorkOrderState;

namespace IotService.Grains.Tests.WorkOrders;

public sealed class WorkOrderLifecycleTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-23T08:00:00Z", CultureInfo.InvariantCulture);

    private static readonly WorkOrderCompletion Done = new("replaced relay", [new PartUsed("relay", 1, 40m)], 90, 90m, 135m, 40m, 175m);

    private static WorkOrder Order(WorkOrderState state = New) => new(
        "wo-1", WorkOrderType.Repair, state, WorkOrderPriority.High, WorkOrderSource.Alarm, "dev-1", "refrigeration", 2,
        T0, "rule", [new WorkOrderStep(New, T0, "rule")], T0)
    {
        DueAt = T0.AddHours(8),
    };

    private static WorkOrder Apply(WorkOrder order, string action, int minutes, string actor = "tech-1", string? technicianId = null, WorkOrderCompletion? completion = null, int? rating = null) =>
        WorkOrderLifecycle.Apply(order, new WorkOrderCommand(action, actor, technicianId, Completion: completion, Rating: rating), T0.AddMinutes(minutes));

    [Fact]
    public void TheHappyPathStampsEveryStepWithTimeAndActor()
    {
        var order = Apply(Order(), "assign", 1, "dispatch", "tech-1");
        order = Apply(order, "accept", 2);
        order = Apply(order, "travel", 3);
        order = Apply(order, "start", 40);
        order = Apply(order, "complete", 130, completion: Done, rating: 5);
        order = Apply(order, "close", 200, "dispatcher");

        Assert.Equal(Closed, order.State);
        Assert.Equal([New, Assigned, Accepted, Travelling, OnSite, Completed, Closed], order.History.Select(step => step.State));
        Assert.Equal(["rule", "dispatch", "tech-1", "tech-1", "tech-1", "tech-1", "dispatcher"], order.History.Select(step => step.Actor));
        Assert.Equal(T0.AddMinutes(200), order.History[^1].At);
        Assert.Equal(("tech-1", T0.AddMinutes(1), T0.AddMinutes(130)), (order.TechnicianId, order.AssignedAt, order.CompletedAt));
        Assert.Equal((175m, 5), (order.Completion!.Charge, order.Rating));
        Assert.False(order.SlaBreached);
    }

    [Theory]
    [InlineData("accept", New)]
    [InlineData("travel", Assigned)]
    [InlineData("start", New)]
    [InlineData("complete", Travelling)]
    [InlineData("close", OnSite)]
    [InlineData("cancel", Closed)]
    [InlineData("resume", Assigned)]
    [InlineData("assign", Travelling)]
    [InlineData("unassign", Accepted)]
    public void IllegalStepsAreRefusedWithTheStateAndWhatIsAllowed(string action, WorkOrderState from)
    {
        var order = Order(from) with { TechnicianId = "tech-1" };

        var refused = Assert.Throws<WorkOrderTransitionException>(() => Apply(order, action, 5, technicianId: "tech-2", completion: Done));

        Assert.Contains($"'{action}' is allowed only from", refused.Message, StringComparison.Ordinal);
        Assert.Contains(WorkOrderTransitionException.Name(from), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclineSendsTheOrderBackToDispatchAndExcludesWhoDeclined()
    {
        var order = Apply(Order(), "assign", 1, "dispatch", "tech-1");
        order = Apply(order, "decline", 2);
        Assert.Equal((Declined, null), (order.State, order.TechnicianId));
        Assert.Equal(["tech-1"], order.ExcludedTechnicians);
        Assert.Contains(Declined, WorkOrderLifecycle.Waiting);

        order = Apply(order, "assign", 3, "dispatch", "tech-2");
        order = Apply(order, "unassign", 20, "dispatch");
        Assert.Equal((New, null), (order.State, order.TechnicianId));
        Assert.Equal(["tech-1", "tech-2"], order.ExcludedTechnicians);
    }

    [Fact]
    public void HoldAndResumeReturnToTheStateBefore()
    {
        var order = Apply(Apply(Order(), "assign", 1, "dispatch", "tech-1"), "accept", 2);

        order = Apply(order, "hold", 3, "dispatcher");
        Assert.Equal((OnHold, Accepted), (order.State, order.HeldFrom));
        order = Apply(order, "resume", 4, "dispatcher");
        Assert.Equal((Accepted, (WorkOrderState?)null), (order.State, order.HeldFrom));
    }

    [Fact]
    public void CompletionNeedsItsRecordAndRatingsAreOneToFive()
    {
        var onSite = Order(OnSite) with { TechnicianId = "tech-1" };

        Assert.Throws<WorkOrderTransitionException>(() => Apply(onSite, "complete", 5));
        Assert.Throws<WorkOrderTransitionException>(() => Apply(onSite, "complete", 5, completion: Done, rating: 6));
        Assert.Throws<WorkOrderTransitionException>(() => Apply(onSite, "rate", 5, rating: 4));

        var rated = Apply(Apply(onSite, "complete", 5, completion: Done), "rate", 9, "customer", rating: 2);
        Assert.Equal((Completed, 2), (rated.State, rated.Rating));
    }

    [Fact]
    public void SlaBreachIsFlaggedWhenCompletedLateOrStillOpenPastTheDueTime()
    {
        var late = Apply(Order(OnSite) with { TechnicianId = "tech-1" }, "complete", 9 * 60, completion: Done);
        Assert.True(late.SlaBreached);

        var open = Order(Assigned);
        Assert.False(WorkOrderLifecycle.IsBreached(open, T0.AddHours(7)));
        Assert.True(WorkOrderLifecycle.IsBreached(open, T0.AddHours(9)));
    }

    [Fact]
    public void SlaTargetsTightenWithTierAndPriorityAndCanBeOverridden()
    {
        var options = new WorkOrderOptions();

        Assert.Equal(TimeSpan.FromHours(4), SlaPolicy.Target(options, CustomerTier.Strategic, WorkOrderPriority.Urgent));
        Assert.Equal(TimeSpan.FromHours(168), SlaPolicy.Target(options, CustomerTier.Standard, WorkOrderPriority.Low));
        Assert.True(SlaPolicy.Target(options, CustomerTier.Core, WorkOrderPriority.High) < SlaPolicy.Target(options, CustomerTier.Standard, WorkOrderPriority.High));

        options.SlaHours["core-urgent"] = 6;
        Assert.Equal(TimeSpan.FromHours(6), SlaPolicy.Target(options, CustomerTier.Core, WorkOrderPriority.Urgent));
    }

    [Fact]
    public void UnknownActionsAreRefused()
    {
        var refused = Assert.Throws<WorkOrderTransitionException>(() => Apply(Order(), "teleport", 1));
        Assert.Contains("known: assign", refused.Message, StringComparison.Ordinal);
    }
}
