using IotService.Dispatch.Costs;
using IotService.Dispatch.Receipts;
using IotService.Dispatch.Technicians;
using IotService.Dispatch.Tests.Assignment;
using static IotService.Dispatch.Tests.Fleet;

namespace IotService.Dispatch.Tests;

public sealed class OverrideQuoteTests
{
    // Cost in minutes equals great-circle km, so the expected prices can be read off the positions.
    private static readonly CostSettings Plain = new() { SpeedKmh = 60, RoadFactor = 1.0 };
    private static readonly ShiftWindow Night = new(new TimeOnly(22, 0), new TimeOnly(6, 0));

    [Fact]
    public void PinningThePlannedTechnicianCostsNothingExtra()
    {
        var pool = TechnicianPool.Create([Tech("a", 2), Tech("b", 10)]);
        var orders = new[] { Order("wo-1"), Order("wo-2", eastKm: 12) };

        var quote = pool.Quote(orders, "wo-1", "a", Now, Plain);

        Assert.Equal(("a", "a"), (quote.PlannedTechnicianId, quote.TechnicianId));
        Assert.True(quote.Feasible);
        Assert.Equal(0, quote.CostDelta);
        Assert.Equal(0, quote.ExtraTravelMinutes);
        Assert.Empty(quote.Changes);
        Assert.Equal(quote.PlannedCost, quote.Cost);
        Assert.Same(quote.Plan, quote.PinnedPlan);
    }

    [Fact]
    public void PinningAFartherTechnicianCostsExactlyTheExtraTravel()
    {
        var pool = TechnicianPool.Create([Tech("near", 2), Tech("far", 9), Tech("other", -30)]);

        var quote = pool.Quote([Order("wo-1")], "wo-1", "far", Now, Plain);

        Assert.Equal("near", quote.PlannedTechnicianId);
        Assert.True(quote.Feasible);
        var extra = quote.Cost.TravelMinutes - quote.PlannedCost!.Value.TravelMinutes;
        Assert.Equal(7, extra, 3);
        Assert.Equal(extra, quote.ExtraTravelMinutes, 9);
        Assert.Equal(extra, quote.CostDelta, 9);
        var change = Assert.Single(quote.Changes);
        Assert.Equal(("wo-1", "near", "far"), (change.OrderId, change.FromTechnicianId, change.ToTechnicianId));
        Assert.Equal(quote.Cost, change.After);
    }

    [Fact]
    public void PinningATechnicianPlannedForAnotherOrderMovesThatOrderAndTheQuoteNamesIt()
    {
        var pool = TechnicianPool.Create([Tech("a", 0), Tech("b", 10)]);
        var orders = new[] { Order("wo-1", eastKm: 1), Order("wo-2", eastKm: 9) };

        var quote = pool.Quote(orders, "wo-1", "b", Now, Plain);

        Assert.Equal("a", quote.PlannedTechnicianId);
        Assert.Equal([("wo-1", "a"), ("wo-2", "b")], quote.Plan.Assignments.Select(a => (a.OrderId, a.TechnicianId)));
        Assert.Equal([("wo-1", "b"), ("wo-2", "a")], quote.PinnedPlan.Assignments.Select(a => (a.OrderId, a.TechnicianId)));
        var moved = quote.Changes.Single(c => c.OrderId == "wo-2");
        Assert.Equal(("b", "a"), (moved.FromTechnicianId, moved.ToTechnicianId));
        Assert.Equal(8, moved.After!.Value.TravelMinutes - moved.Before!.Value.TravelMinutes, 3);
        // Both orders now travel 9 km instead of 1 km.
        Assert.Equal(16, quote.CostDelta, 3);
        Assert.Equal(16, quote.ExtraTravelMinutes, 3);
        Assert.Equal("wo-2", quote.Receipt.Rejected.Single(r => r.TechnicianId == "a").AssignedOrderId);
    }

    [Fact]
    public void AnIneligiblePinSaysWhyInTheReceiptsWordsAndIsStillPriced()
    {
        var pool = TechnicianPool.Create([Tech("a", 5), Tech("junior", 1, level: 1), Tech("night", 2, shift: Night), Tech("off", 3, available: false)]);
        var order = Order("wo-1", level: 2);
        var receipt = pool.DispatchByScan(order, Now, Plain);

        foreach (var (id, reason) in new[] { ("junior", RejectionReason.Level), ("night", RejectionReason.Shift), ("off", RejectionReason.Availability) })
        {
            var quote = pool.Quote([order], "wo-1", id, Now, Plain);

            Assert.False(quote.Feasible);
            Assert.Equal(reason, quote.Reason);
            Assert.Equal(receipt.Rejected.Single(r => r.TechnicianId == id).Detail, quote.Detail);
            Assert.Equal(CostModel.Evaluate(pool.Technicians.Single(t => t.Id == id), order, Now, Plain), quote.Cost);
            Assert.Equal(quote.Cost.Total - quote.PlannedCost!.Value.Total, quote.CostDelta, 9);
            Assert.Equal((id, quote.Cost), (quote.Receipt.TechnicianId, quote.Receipt.Cost));
            Assert.DoesNotContain(quote.Receipt.Rejected, r => r.TechnicianId == id);
        }

        Assert.Equal("hvac level 1, needs 2", pool.Quote([order], "wo-1", "junior", Now, Plain).Detail);
        Assert.Equal("off shift (22:00–06:00) at 10:00", pool.Quote([order], "wo-1", "night", Now, Plain).Detail);
    }

    [Fact]
    public void AnOrderHeldByItsTechnicianIsPricedAgainstThatTechnician()
    {
        var pool = TechnicianPool.Create([Tech("near", 1), Tech("holder", 6)]);

        var quote = pool.Quote([Order("wo-1")], "wo-1", "near", Now, Plain, heldBy: "holder");

        Assert.Equal("holder", quote.PlannedTechnicianId);
        Assert.Equal(-5, quote.CostDelta, 3);
        Assert.Equal(-5, quote.ExtraTravelMinutes, 3);
    }

    [Fact]
    public void AnOrderNobodyCouldTakeIsPricedAgainstNoTechnicianAtAll()
    {
        var pool = TechnicianPool.Create([Tech("junior", 4, level: 1)]);

        var quote = pool.Quote([Order("wo-1", level: 3)], "wo-1", "junior", Now, Plain);

        Assert.Null(quote.PlannedTechnicianId);
        Assert.Null(quote.PlannedCost);
        Assert.Equal(RejectionReason.Level, quote.Reason);
        Assert.Equal(4, quote.CostDelta, 3);
        Assert.Equal(("wo-1", null, "junior"), (quote.Changes[0].OrderId, quote.Changes[0].FromTechnicianId, quote.Changes[0].ToTechnicianId));
    }

    [Fact]
    public void APinThatLeavesAnotherOrderWithoutATechnicianSaysSo()
    {
        // Only "a" can do wo-2 (level 3): pinning wo-1 to "a" leaves wo-2 to nobody.
        var pool = TechnicianPool.Create([Tech("a", 0, level: 3), Tech("b", 5, level: 2)]);
        var orders = new[] { Order("wo-1", eastKm: 1, level: 2), Order("wo-2", eastKm: -1, level: 3) };

        var quote = pool.Quote(orders, "wo-1", "a", Now, Plain);

        var lost = quote.Changes.Single(c => c.OrderId == "wo-2");
        Assert.Equal(("a", null), (lost.FromTechnicianId, lost.ToTechnicianId));
        Assert.Null(lost.After);
        Assert.Equal(["wo-2"], quote.PinnedPlan.UnassignedOrderIds);
    }

    [Fact]
    public void ExactTiesDoNotShowUpAsMoves()
    {
        // Two technicians share a depot and two orders a site, so either pairing costs the same: only real moves count.
        var pool = TechnicianPool.Create([Tech("d1", 0), Tech("d2", 0), Tech("f", 20)]);
        var orders = new[] { Order("wo-1", eastKm: 1), Order("wo-2", eastKm: 1), Order("wo-3", eastKm: 19) };

        foreach (var pinned in new[] { "wo-1", "wo-2" })
        {
            var quote = pool.Quote(orders, pinned, "f", Now, Plain);

            Assert.Equal([pinned, "wo-3"], quote.Changes.Select(c => c.OrderId).Order(StringComparer.Ordinal));
            Assert.Equal(quote.PlannedTechnicianId, quote.Changes.Single(c => c.OrderId == "wo-3").ToTechnicianId);
        }
    }

    [Fact]
    public void ThePlanIsTheSolversOwnSolve()
    {
        var pool = TechnicianPool.Create([Tech("a", 0), Tech("b", 10), Tech("c", -7)]);
        var orders = new[] { Order("wo-1", eastKm: 4), Order("wo-2", eastKm: -6), Order("wo-3", eastKm: 11) };

        var quote = pool.Quote(orders, "wo-2", "b", Now, Plain);
        var solved = pool.Solve(orders, Now, Plain);

        Assert.Equal(solved.Assignments.Select(a => (a.OrderId, a.TechnicianId)), quote.Plan.Assignments.Select(a => (a.OrderId, a.TechnicianId)));
        Assert.Equal(solved.TotalCost, quote.Plan.TotalCost);
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void ThePinnedPlanIsTheCheapestPlanWithThatPinOnRandomSmallFleets(int seed)
    {
        var random = new Random(seed);
        var fleet = new RandomFleet(random);
        for (var instance = 0; instance < 60; instance++)
        {
            fleet.PickRegion();
            var technicians = fleet.Technicians(random.Next(1, 7));
            var pool = TechnicianPool.Create(technicians);
            var now = fleet.Now();
            var settings = fleet.Settings();
            var orders = Enumerable.Range(0, random.Next(1, 6)).Select(i => fleet.Order($"wo-{i}", technicians, now)).ToList();
            var row = random.Next(orders.Count);
            var column = random.Next(technicians.Count);

            // Independent oracle: eligibility from single-order scans, costs from the public cost model, the pinned row
            // allowed only its pinned technician (eligible or not), whom no other row may take.
            var costs = new double[orders.Count, technicians.Count];
            for (var i = 0; i < orders.Count; i++)
            {
                var scan = pool.DispatchByScan(orders[i], now, settings);
                for (var j = 0; j < technicians.Count; j++)
                {
                    var eligible = scan.TechnicianId == technicians[j].Id
                        || scan.Rejected.Any(r => r.TechnicianId == technicians[j].Id && r.Reason == RejectionReason.CostRank);
                    var allowed = i == row ? j == column : eligible && j != column;
                    costs[i, j] = allowed ? CostModel.Evaluate(technicians[j], orders[i], now, settings).Total : double.PositiveInfinity;
                }
            }

            var expected = BruteForceAssignment.Solve(costs);
            var quote = pool.Quote(orders, orders[row].Id, technicians[column].Id, now, settings);

            var label = $"seed {seed} instance {instance}";
            Assert.True(expected.Assigned == quote.PinnedPlan.Assignments.Count, $"{label}: assigned {quote.PinnedPlan.Assignments.Count}, brute force {expected.Assigned}");
            Assert.True(Math.Abs(expected.Cost - quote.PinnedPlan.TotalCost) < 1e-4, $"{label}: cost {quote.PinnedPlan.TotalCost}, brute force {expected.Cost}");
            Assert.Equal(technicians[column].Id, quote.PinnedPlan.Assignments.Single(a => a.OrderId == orders[row].Id).TechnicianId);
            Assert.Equal(quote.PinnedPlan.TotalCost - quote.Plan.TotalCost, quote.CostDelta);
        }
    }
}
