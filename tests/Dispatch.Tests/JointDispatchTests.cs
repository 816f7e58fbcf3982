using IotService.Dispatch.Costs;
using IotService.Dispatch.Receipts;
using IotService.Dispatch.Tests.Assignment;
using static IotService.Dispatch.Tests.Fleet;

namespace IotService.Dispatch.Tests;

public sealed class JointDispatchTests
{
    // Cost in minutes equals great-circle km: what-if planning with speed 60 km/h and road factor 1 (SPEC §5 example).
    private static readonly CostSettings Plain = new() { SpeedKmh = 60, RoadFactor = 1.0 };

    [Fact]
    public void SolvingJointlyBeatsDispatchingOrdersOneByOne()
    {
        var pool = TechnicianPool.Create([Tech("a", 0), Tech("b", 10)]);
        var orders = new[] { Order("wo-1", eastKm: 4), Order("wo-2", eastKm: -6) };

        var oneByOne = pool.Dispatch(orders[0], Now, Plain);
        var joint = pool.Solve(orders, Now, Plain);

        Assert.Equal("a", oneByOne.TechnicianId);
        Assert.Equal([("wo-1", "b"), ("wo-2", "a")], joint.Assignments.Select(a => (a.OrderId, a.TechnicianId)));
        Assert.Equal(12, joint.TotalCost, 1);
        Assert.Equal(joint.TotalCost, joint.LowerBound, 9);
        Assert.Equal(joint.TotalCost, joint.Assignments.Sum(a => a.Cost), 9);
        Assert.All(joint.Assignments, a => Assert.Equal(a.Breakdown.DistanceKm, a.Cost, 9));
        Assert.Empty(joint.UnassignedOrderIds);
        Assert.Null(joint.Receipts);
    }

    [Fact]
    public void EachTechnicianTakesAtMostOneOrderAndTheRestStayUnassigned()
    {
        var pool = TechnicianPool.Create([Tech("a", 0), Tech("b", 50), Tech("sparky", 1, skill: "electrical")]);
        var orders = new[] { Order("wo-1", eastKm: 1), Order("wo-2", eastKm: 2), Order("wo-3", eastKm: 3), Order("wo-4", skill: "welding") };

        var result = pool.Solve(orders, Now, Plain);

        Assert.Equal(2, result.Assignments.Count);
        Assert.Equal(["a", "b"], result.Assignments.Select(a => a.TechnicianId).Order());
        Assert.Equal(2, result.UnassignedOrderIds.Count);
        Assert.Contains("wo-4", result.UnassignedOrderIds);
        Assert.Equal(result.TotalCost, result.LowerBound, 9);
    }

    [Fact]
    public void AssigningMoreOrdersComesBeforeACheaperTotal()
    {
        // "a" is closest to both, but only "a" can do wo-2 (level 3): wo-1 must take the farther "b".
        var pool = TechnicianPool.Create([Tech("a", 1, level: 3), Tech("b", 40, level: 2)]);
        var orders = new[] { Order("wo-1", level: 2), Order("wo-2", eastKm: 30, level: 3) };

        var result = pool.Solve(orders, Now, Plain);

        Assert.Equal([("wo-1", "b"), ("wo-2", "a")], result.Assignments.Select(a => (a.OrderId, a.TechnicianId)));
    }

    [Fact]
    public void ReceiptsSayWhichOrderACheaperTechnicianWentTo()
    {
        var pool = TechnicianPool.Create([Tech("a", 0), Tech("b", 10), Tech("c", 30), Tech("off", 1, available: false)]);
        var orders = new[] { Order("wo-1", eastKm: 4), Order("wo-2", eastKm: -6) };

        var result = pool.Solve(orders, Now, Plain, includeReceipts: true);

        var receipt = result.Receipts!.Single(r => r.OrderId == "wo-1");
        Assert.Equal("b", receipt.TechnicianId);
        Assert.Equal(result.Assignments.Single(a => a.OrderId == "wo-1").Breakdown, receipt.Cost);
        var a = receipt.Rejected.Single(r => r.TechnicianId == "a");
        Assert.Equal(RejectionReason.AssignedElsewhere, a.Reason);
        Assert.Equal("wo-2", a.AssignedOrderId);
        Assert.Equal(1, a.Rank);
        Assert.Equal(RejectionReason.CostRank, receipt.Rejected.Single(r => r.TechnicianId == "c").Reason);
        Assert.Equal(RejectionReason.Availability, receipt.Rejected.Single(r => r.TechnicianId == "off").Reason);
        Assert.Equal(4, receipt.Examined);
    }

    [Fact]
    public void NegativeCostsFromThePartsBonusAreSolvedExactly()
    {
        var van = new Dictionary<string, int> { ["relay"] = 1 };
        var parts = new Dictionary<string, int> { ["relay"] = 1 };
        var pool = TechnicianPool.Create([Tech("a", 1, van: van), Tech("b", 2, van: van), Tech("c", 3)]);
        var orders = new[] { Order("wo-1", parts: parts), Order("wo-2", eastKm: 1, parts: parts) };

        var result = pool.Solve(orders, Now);

        Assert.All(result.Assignments, a => Assert.True(a.Cost < 0));
        Assert.Equal(["a", "b"], result.Assignments.Select(a => a.TechnicianId).Order());
        Assert.Equal(result.TotalCost, result.LowerBound, 9);
    }

    [Fact]
    public void DuplicateOrderIdsAreRejected()
    {
        var pool = TechnicianPool.Create([Tech("a", 1)]);

        Assert.Throws<ArgumentException>(() => pool.Solve([Order("wo-1"), Order("wo-1")], Now));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void SolveEqualsBruteForceOverEligiblePairsOnRandomSmallFleets(int seed)
    {
        var random = new Random(seed);
        var fleet = new RandomFleet(random);
        for (var instance = 0; instance < 100; instance++)
        {
            fleet.PickRegion();
            var technicians = fleet.Technicians(random.Next(1, 8));
            var pool = TechnicianPool.Create(technicians);
            var now = fleet.Now();
            var settings = fleet.Settings();
            var orders = Enumerable.Range(0, random.Next(1, 7)).Select(i => fleet.Order($"wo-{i}", technicians, now)).ToList();

            // Independent oracle: eligibility from single-order scans, cost from the public cost model.
            var costs = new double[orders.Count, technicians.Count];
            for (var i = 0; i < orders.Count; i++)
            {
                var scan = pool.DispatchByScan(orders[i], now, settings);
                for (var j = 0; j < technicians.Count; j++)
                {
                    var eligible = scan.TechnicianId == technicians[j].Id
                        || scan.Rejected.Any(r => r.TechnicianId == technicians[j].Id && r.Reason == RejectionReason.CostRank);
                    costs[i, j] = eligible ? CostModel.Evaluate(technicians[j], orders[i], now, settings).Total : double.PositiveInfinity;
                }
            }

            var expected = BruteForceAssignment.Solve(costs);
            var result = pool.Solve(orders, now, settings, includeReceipts: true);

            var label = $"seed {seed} instance {instance} ({orders.Count} orders × {technicians.Count} technicians)";
            Assert.True(expected.Assigned == result.Assignments.Count, $"{label}: assigned {result.Assignments.Count}, brute force {expected.Assigned}");
            Assert.True(Math.Abs(expected.Cost - result.TotalCost) < 1e-6, $"{label}: cost {result.TotalCost}, brute force {expected.Cost}");
            Assert.True(Math.Abs(result.LowerBound - result.TotalCost) < 1e-6, $"{label}: lower bound {result.LowerBound} ≠ {result.TotalCost}");
            Assert.Equal(orders.Count, result.Assignments.Count + result.UnassignedOrderIds.Count);
            Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.TechnicianId).Distinct().Count());
            foreach (var a in result.Assignments)
            {
                var j = technicians.FindIndex(t => t.Id == a.TechnicianId);
                Assert.Equal(costs[orders.FindIndex(o => o.Id == a.OrderId), j], a.Cost);
                Assert.Equal(a.TechnicianId, result.Receipts!.Single(r => r.OrderId == a.OrderId).TechnicianId);
            }
        }
    }
}
