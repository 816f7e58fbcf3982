using IotService.Dispatch.Costs;
using IotService.Dispatch.Receipts;
using IotService.Dispatch.Technicians;
using static IotService.Dispatch.Tests.Fleet;

namespace IotService.Dispatch.Tests;

public sealed class DispatchReceiptTests
{
    private static readonly ShiftWindow Office = new(new TimeOnly(8, 0), new TimeOnly(18, 0));
    private static readonly ShiftWindow Night = new(new TimeOnly(22, 0), new TimeOnly(6, 0));

    [Fact]
    public void ChoosesTheNearestEligibleTechnicianWithItsCostBreakdown()
    {
        var pool = TechnicianPool.Create([Tech("far", 30), Tech("near", 12), Tech("mid", 20)]);

        var receipt = pool.Dispatch(Order(), Now);

        Assert.Equal("near", receipt.TechnicianId);
        var cost = receipt.Cost!.Value;
        var km = pool.Technicians[1].Location.DistanceKmTo(Centre);
        Assert.Equal(km, cost.DistanceKm, 9);
        Assert.Equal(km / 60 * 60 * 1.3, cost.TravelMinutes, 9);
        Assert.Equal(0, cost.LatenessPenalty);
        Assert.Equal(0, cost.PartsBonus);
        Assert.Equal(cost.TravelMinutes, cost.Total, 9);
        Assert.Equal(["mid", "far"], receipt.Rejected.Select(r => r.TechnicianId));
        Assert.All(receipt.Rejected, r => Assert.Equal(RejectionReason.CostRank, r.Reason));
        Assert.Equal([2, 3], receipt.Rejected.Select(r => r.Rank!.Value));
        Assert.Equal(3, receipt.Examined);
        Assert.Null(receipt.UnexaminedCostAtLeast);
    }

    [Fact]
    public void EveryRejectedTechnicianGetsItsReason()
    {
        var pool = TechnicianPool.Create(
        [
            Tech("no-skill", 1, skill: "electrical"),
            Tech("low-level", 2, level: 1),
            Tech("off-shift", 3, shift: Night),
            Tech("unavailable", 4, available: false),
            Tech("busy", 5, openOrders: 5, workloadLimit: 5),
            Tech("declined", 6),
            Tech("chosen", 7, shift: Office),
            Tech("costlier", 8),
        ]);

        var receipt = pool.Dispatch(Order(excluded: ["declined"]), Now);

        Assert.Equal("chosen", receipt.TechnicianId);
        var reasons = receipt.Rejected.ToDictionary(r => r.TechnicianId);
        Assert.Equal(7, reasons.Count);
        Assert.Equal(RejectionReason.Skill, reasons["no-skill"].Reason);
        Assert.Equal("does not hold hvac", reasons["no-skill"].Detail);
        Assert.Equal(RejectionReason.Level, reasons["low-level"].Reason);
        Assert.Equal("hvac level 1, needs 2", reasons["low-level"].Detail);
        Assert.Equal(RejectionReason.Shift, reasons["off-shift"].Reason);
        Assert.Equal("off shift (22:00–06:00) at 10:00", reasons["off-shift"].Detail);
        Assert.Equal(RejectionReason.Availability, reasons["unavailable"].Reason);
        Assert.Equal(RejectionReason.Workload, reasons["busy"].Reason);
        Assert.Equal("5 open orders, limit 5", reasons["busy"].Detail);
        Assert.Equal(RejectionReason.Excluded, reasons["declined"].Reason);
        Assert.Equal("declined this order", reasons["declined"].Detail);
        Assert.Equal(RejectionReason.CostRank, reasons["costlier"].Reason);
        Assert.Equal(2, reasons["costlier"].Rank);
        Assert.NotNull(reasons["costlier"].Cost);
        Assert.All(receipt.Rejected.Where(r => r.Reason != RejectionReason.CostRank), r => Assert.Null(r.Cost));

        // Eligible ones first by rank, then the ineligible nearest first.
        Assert.Equal(["costlier", "no-skill", "low-level", "off-shift", "unavailable", "busy", "declined"], receipt.Rejected.Select(r => r.TechnicianId));
        Assert.Equal(8, receipt.Examined);
        Assert.Null(receipt.UnexaminedCostAtLeast);
    }

    [Fact]
    public void TheFirstFailingCheckInTheDocumentedOrderIsTheReason()
    {
        var pool = TechnicianPool.Create(
        [
            Tech("level-shift-away", 1, level: 1, shift: Night, available: false),
            Tech("shift-away-busy", 2, shift: Night, available: false, openOrders: 9),
            Tech("away-busy-declined", 3, available: false, openOrders: 9),
            Tech("busy-declined", 4, openOrders: 9),
        ]);

        var receipt = pool.Dispatch(Order(excluded: ["away-busy-declined", "busy-declined"]), Now);

        Assert.Null(receipt.TechnicianId);
        Assert.Null(receipt.Cost);
        Assert.Equal(
            [RejectionReason.Level, RejectionReason.Shift, RejectionReason.Availability, RejectionReason.Workload],
            receipt.Rejected.Select(r => r.Reason));
    }

    [Fact]
    public void RedispatchExcludesWhoDeclined()
    {
        var pool = TechnicianPool.Create([Tech("a", 1), Tech("b", 5)]);

        var first = pool.Dispatch(Order(), Now);
        var second = pool.Dispatch(Order(excluded: [first.TechnicianId!]), Now);

        Assert.Equal("a", first.TechnicianId);
        Assert.Equal("b", second.TechnicianId);
        Assert.Equal(RejectionReason.Excluded, second.Rejected.Single(r => r.TechnicianId == "a").Reason);
    }

    [Theory]
    [InlineData(23, 30, true)]
    [InlineData(2, 0, true)]
    [InlineData(6, 0, false)]
    [InlineData(10, 0, false)]
    [InlineData(22, 0, true)]
    public void AnOvernightShiftCoversBothSidesOfMidnight(int hour, int minute, bool eligible)
    {
        var pool = TechnicianPool.Create([Tech("night", 1, shift: Night)]);
        var now = new DateTimeOffset(2026, 3, 2, hour, minute, 0, TimeSpan.FromHours(1));

        Assert.Equal(eligible, pool.Dispatch(Order(), now).TechnicianId == "night");
    }

    [Fact]
    public void ShiftsAreCheckedAgainstTheClockTimeOfNowsOffset()
    {
        var pool = TechnicianPool.Create([Tech("office", 1, shift: Office)]);
        var instant = new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.Zero);

        Assert.Null(pool.Dispatch(Order(), instant).TechnicianId);
        Assert.Equal("office", pool.Dispatch(Order(), instant.ToOffset(TimeSpan.FromHours(1))).TechnicianId);
    }

    [Fact]
    public void ThePartsBonusMovesTheChoiceToTheTechnicianCarryingEveryPart()
    {
        var van = new Dictionary<string, int> { ["relay"] = 2, ["fan"] = 1 };
        var pool = TechnicianPool.Create([Tech("near", 10), Tech("stocked", 25, van: van)]);

        var noParts = pool.Dispatch(Order(), Now);
        var carried = pool.Dispatch(Order(parts: new Dictionary<string, int> { ["relay"] = 2, ["fan"] = 1 }), Now);
        var partly = pool.Dispatch(Order(parts: new Dictionary<string, int> { ["relay"] = 3 }), Now);

        Assert.Equal("near", noParts.TechnicianId);
        Assert.Equal("stocked", carried.TechnicianId);
        Assert.Equal(30, carried.Cost!.Value.PartsBonus);
        Assert.Equal(carried.Cost.Value.TravelMinutes - 30, carried.Cost.Value.Total, 9);
        Assert.Equal("near", partly.TechnicianId);
    }

    [Fact]
    public void AnSlaAboutToBeMissedMovesTheChoiceBackToTheFasterTechnician()
    {
        var van = new Dictionary<string, int> { ["relay"] = 1 };
        var pool = TechnicianPool.Create([Tech("near", 10), Tech("stocked", 25, van: van)]);
        var parts = new Dictionary<string, int> { ["relay"] = 1 };

        var relaxed = pool.Dispatch(Order(parts: parts, due: Now.AddHours(2)), Now);
        var urgent = pool.Dispatch(Order(parts: parts, due: Now.AddMinutes(10)), Now);

        Assert.Equal("stocked", relaxed.TechnicianId);
        Assert.Equal(0, relaxed.Cost!.Value.LatenessMinutes);
        Assert.Equal("near", urgent.TechnicianId);
        var cost = urgent.Cost!.Value;
        Assert.Equal(cost.TravelMinutes - 10, cost.LatenessMinutes, 9);
        Assert.Equal(cost.LatenessMinutes * 2, cost.LatenessPenalty, 9);
        var loser = urgent.Rejected.Single(r => r.TechnicianId == "stocked").Cost!.Value;
        Assert.True(loser.LatenessPenalty - 30 > cost.Total - loser.TravelMinutes);
    }

    [Fact]
    public void AnOverdueOrderIsLateByTheWholeTravelTimePlusTheOverdueTime()
    {
        var pool = TechnicianPool.Create([Tech("a", 6)]);

        var cost = pool.Dispatch(Order(due: Now.AddMinutes(-5)), Now, new CostSettings { LatenessPenaltyPerMinute = 1 }).Cost!.Value;

        Assert.Equal(cost.TravelMinutes + 5, cost.LatenessMinutes, 9);
        Assert.Equal(cost.TravelMinutes + cost.LatenessMinutes, cost.Total, 9);
    }

    [Fact]
    public void TiesGoToTheOrdinallySmallerTechnicianId()
    {
        var pool = TechnicianPool.Create([Tech("b", 3), Tech("B", 3), Tech("a", 3)]);

        var receipt = pool.Dispatch(Order(), Now);

        Assert.Equal("B", receipt.TechnicianId);
        Assert.Equal(["a", "b"], receipt.Rejected.Select(r => r.TechnicianId));
    }

    [Fact]
    public void AnOrderNobodyCanTakeListsEveryTechnicianWithItsReason()
    {
        var pool = TechnicianPool.Create([.. Enumerable.Range(0, 50).Select(i => Tech($"t{i}", i, skill: i % 2 == 0 ? "hvac" : "electrical", level: 1))]);

        var receipt = pool.Dispatch(Order(), Now);

        Assert.Null(receipt.TechnicianId);
        Assert.Equal(50, receipt.Examined);
        Assert.Equal(50, receipt.Rejected.Count);
        Assert.Equal(25, receipt.Rejected.Count(r => r.Reason == RejectionReason.Level));
        Assert.Equal(25, receipt.Rejected.Count(r => r.Reason == RejectionReason.Skill));
    }

    [Fact]
    public void InvalidInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => TechnicianPool.Create([Tech("a", 1), Tech("a", 2)]));
        Assert.Throws<ArgumentException>(() => TechnicianPool.Create([Tech("a", 1) with { Location = new(91, 0) }]));
        var pool = TechnicianPool.Create([Tech("a", 1)]);
        Assert.Throws<ArgumentException>(() => pool.Dispatch(Order() with { Skill = "" }, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Dispatch(Order(), Now, new CostSettings { SpeedKmh = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Dispatch(Order(), Now, new CostSettings { PartsBonusMinutes = -1 }));
    }

    [Fact]
    public void AnEmptyPoolDispatchesNobody()
    {
        var receipt = TechnicianPool.Create([]).Dispatch(Order(), Now);

        Assert.Null(receipt.TechnicianId);
        Assert.Empty(receipt.Rejected);
        Assert.Equal(0, receipt.Examined);
    }
}
