using IotService.Dispatch.Geo;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Benchmarks.Dispatch;

/// <summary>
/// A country-sized fleet (Germany's bounding box, 47.3–55.0 °N × 5.9–15.0 °E): 60% of technicians around 12 cities,
/// 40% spread evenly; 10 skills, 1–3 per technician at levels 1–3; mostly office or early/late shifts; 90% available;
/// 0–5 open orders against a limit of 5; vans stocked from 20 part numbers. Orders come from the same geography.
/// Seeded, so every run measures the same instance.
/// </summary>
internal sealed class BenchmarkFleet(int seed)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly (double Lat, double Lon)[] Cities =
    [
        (52.52, 13.40), (53.55, 9.99), (48.14, 11.58), (50.94, 6.96), (50.11, 8.68), (48.78, 9.18),
        (51.23, 6.78), (51.34, 12.37), (51.51, 7.47), (53.08, 8.80), (51.05, 13.74), (49.45, 11.08),
    ];

    private static readonly string[] Skills = [.. Enumerable.Range(0, 10).Select(i => $"skill-{i}")];
    private static readonly string[] Parts = [.. Enumerable.Range(0, 20).Select(i => $"part-{i}")];
    private static readonly ShiftWindow Office = new(new(8, 0), new(18, 0));
    private static readonly ShiftWindow Early = new(new(6, 0), new(14, 0));
    private static readonly ShiftWindow Late = new(new(14, 0), new(22, 0));

    private readonly Random _random = new(seed);

    public List<Technician> Technicians(int count) => [.. Enumerable.Range(0, count).Select(Technician)];

    /// <summary>Orders waiting at <paramref name="now"/>: half due 30–240 minutes later, 30% needing a part.</summary>
    public List<DispatchOrder> Orders(int count, DateTimeOffset now) => [.. Enumerable.Range(0, count).Select(i => Order(i, now))];

    private Technician Technician(int i)
    {
        var skills = new Dictionary<string, int>();
        for (var k = _random.Next(1, 4); k > 0; k--)
        {
            skills[Skills[_random.Next(Skills.Length)]] = _random.Next(1, 4);
        }

        var van = new Dictionary<string, int>();
        for (var k = _random.Next(0, 8); k > 0; k--)
        {
            van[Parts[_random.Next(Parts.Length)]] = _random.Next(1, 4);
        }

        ShiftWindow? shift = _random.Next(10) switch
        {
            < 6 => Office,
            6 => Early,
            7 => Late,
            _ => null,
        };
        return new Technician($"tech-{i:D5}", Point(), skills, shift, _random.NextDouble() < 0.9, 5, _random.Next(0, 6), van);
    }

    private DispatchOrder Order(int i, DateTimeOffset now)
    {
        DateTimeOffset? due = _random.NextDouble() < 0.5 ? now.AddMinutes(_random.Next(30, 240)) : null;
        Dictionary<string, int>? parts = _random.NextDouble() < 0.3 ? new() { [Parts[_random.Next(Parts.Length)]] = 1 } : null;
        return new DispatchOrder($"wo-{i:D5}", Point(), Skills[_random.Next(Skills.Length)], _random.Next(1, 3), due, parts);
    }

    private LatLon Point()
    {
        if (_random.NextDouble() < 0.6)
        {
            var (lat, lon) = Cities[_random.Next(Cities.Length)];
            return new LatLon(lat + Gaussian() * 0.25, lon + Gaussian() * 0.35);
        }

        return new LatLon(47.3 + _random.NextDouble() * 7.7, 5.9 + _random.NextDouble() * 9.1);
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
