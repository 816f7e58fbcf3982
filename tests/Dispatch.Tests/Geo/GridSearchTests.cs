using IotService.Dispatch.Geo;

namespace IotService.Dispatch.Tests.Geo;

public sealed class GridSearchTests
{
    [Fact]
    public void TheBoundNeverExceedsTheDistanceToAnUnvisitedPoint()
    {
        var random = new Random(3);
        var fleet = new RandomFleet(random);
        for (var instance = 0; instance < 300; instance++)
        {
            fleet.PickRegion();
            var points = Enumerable.Range(0, random.Next(1, 300)).Select(_ => fleet.Point()).ToList();
            var grid = TechnicianGrid.Build(points);
            var origin = random.NextDouble() < 0.3 ? new LatLon(random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180) : fleet.Point();
            var search = grid.Search(origin);
            var visited = new HashSet<int>();
            var ring = new List<int>();
            var previous = 0.0;
            while (true)
            {
                ring.Clear();
                search.AddRing(ring);
                Assert.All(ring, i => Assert.True(visited.Add(i), $"point {i} visited twice"));
                if (search.Complete)
                {
                    break;
                }

                var bound = search.UnexaminedLowerBoundKm();
                Assert.True(bound >= previous, "the bound shrank");
                previous = bound;
                for (var i = 0; i < points.Count; i++)
                {
                    if (!visited.Contains(i))
                    {
                        var km = origin.DistanceKmTo(points[i]);
                        Assert.True(km >= bound, $"instance {instance}: point {i} at {km} km is inside the bound {bound} km");
                    }
                }
            }

            Assert.Equal(points.Count, visited.Count);
        }
    }

    [Fact]
    public void CellsHoldAFewPointsEach()
    {
        var random = new Random(5);
        var points = Enumerable.Range(0, 10_000).Select(_ => new LatLon(47 + random.NextDouble() * 8, 6 + random.NextDouble() * 9)).ToList();

        var grid = TechnicianGrid.Build(points);

        Assert.InRange(points.Count / (double)(grid.Rows * grid.Columns), 1, 6);
    }
}
