using IotService.Dispatch.Receipts;
using static IotService.Dispatch.Tests.Fleet;

namespace IotService.Dispatch.Tests;

public sealed class SpatialSearchTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void IndexedDispatchChoosesExactlyWhatALinearScanChooses(int seed)
    {
        var random = new Random(seed);
        var fleet = new RandomFleet(random);
        for (var instance = 0; instance < 60; instance++)
        {
            fleet.PickRegion();
            var technicians = fleet.Technicians(random.Next(1, 400));
            var pool = TechnicianPool.Create(technicians, fullScanLimit: 0);
            for (var k = 0; k < 5; k++)
            {
                var now = fleet.Now();
                var order = fleet.Order($"wo-{instance}-{k}", technicians, now);
                var settings = fleet.Settings();
                var label = $"seed {seed} instance {instance}/{k} region {fleet.Region} ({technicians.Count} technicians)";

                var indexed = pool.Dispatch(order, now, settings);
                var scan = pool.DispatchByScan(order, now, settings);

                Assert.True(scan.TechnicianId == indexed.TechnicianId, $"{label}: index chose {indexed.TechnicianId}, scan {scan.TechnicianId}");
                Assert.Equal(scan.Cost, indexed.Cost);
                Assert.Equal(technicians.Count, scan.Examined);
                Assert.Equal(indexed.Examined, indexed.Rejected.Count + (indexed.TechnicianId is null ? 0 : 1));

                var full = scan.Rejected.ToDictionary(r => r.TechnicianId);
                foreach (var rejected in indexed.Rejected)
                {
                    Assert.Equal(full[rejected.TechnicianId].Reason, rejected.Reason);
                    Assert.Equal(full[rejected.TechnicianId].Cost, rejected.Cost);
                }

                if (indexed.UnexaminedCostAtLeast is { } bound)
                {
                    Assert.True(bound > indexed.Cost!.Value.Total, $"{label}: bound {bound} not above the chosen cost");
                    var listed = indexed.Rejected.Select(r => r.TechnicianId).ToHashSet();
                    foreach (var other in scan.Rejected.Where(r => !listed.Contains(r.TechnicianId) && r.Reason == RejectionReason.CostRank))
                    {
                        Assert.True(other.Cost!.Value.Total >= bound, $"{label}: {other.TechnicianId} costs {other.Cost.Value.Total} < bound {bound}");
                    }
                }
                else
                {
                    Assert.Equal(technicians.Count, indexed.Examined);
                }
            }
        }
    }

    [Fact]
    public void ALargeFleetIsSearchedOnlyAroundTheOrder()
    {
        var random = new Random(7);
        var technicians = Enumerable.Range(0, 10_000)
            .Select(i => Tech($"t{i}", random.NextDouble() * 600 - 300, random.NextDouble() * 600 - 300, skill: i % 10 == 0 ? "hvac" : "other"))
            .ToList();
        var pool = TechnicianPool.Create(technicians);

        var receipt = pool.Dispatch(Order(eastKm: 10, northKm: -20), Now);

        Assert.Equal(pool.DispatchByScan(Order(eastKm: 10, northKm: -20), Now).TechnicianId, receipt.TechnicianId);
        Assert.InRange(receipt.Examined, 1, 1_000);
        Assert.True(receipt.UnexaminedCostAtLeast > receipt.Cost!.Value.Total);
    }
}
