using IotService.Dispatch.Geo;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Benchmarks.Dispatch;

/// <summary>
/// One dispatcher's patch: a metro area of about 60 × 60 km around Munich, 3 skills (1–2 per technician, levels 1–3),
/// office shifts or none, 90% available, 0–2 open orders against a limit of 5, vans from 10 parts. Orders from the same
/// area: level 1–2, half due 30–240 min later, 30% needing a part. Seeded, so every run measures the same instance.
/// </summary>
internal sealed class CityFleet(int seed)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly string[] Skills = ["refrigeration", "hvac", "electrical"];
    private static readonly string[] Parts = [.. Enumerable.Range(0, 10).Select(i => $"part-{i}")];
    private static readonly ShiftWindow Office = new(new(8, 0), new(18, 0));

    private readonly Random _random = new(seed);

    public List<Technician> Technicians(int count) => [.. Enumerable.Range(0, count).Select(Technician)];

    public List<DispatchOrder> Orders(int count) => [.. Enumerable.Range(0, count).Select(Order)];

    private Technician Technician(int i)
    {
        var skills = new Dictionary<string, int>();
        for (var k = _random.Next(1, 3); k > 0; k--)
        {
            skills[Skills[_random.Next(Skills.Length)]] = _random.Next(1, 4);
        }

        var van = new Dictionary<string, int>();
        for (var k = _random.Next(0, 5); k > 0; k--)
        {
            van[Parts[_random.Next(Parts.Length)]] = _random.Next(1, 3);
        }

        var shift = _random.Next(10) < 7 ? Office : (ShiftWindow?)null;
        return new Technician($"tech-{i:D4}", Point(), skills, shift, _random.NextDouble() < 0.9, 5, _random.Next(0, 3), van);
    }

    private DispatchOrder Order(int i)
    {
        DateTimeOffset? due = _random.NextDouble() < 0.5 ? Now.AddMinutes(_random.Next(30, 240)) : null;
        Dictionary<string, int>? parts = _random.NextDouble() < 0.3 ? new() { [Parts[_random.Next(Parts.Length)]] = 1 } : null;
        return new DispatchOrder($"wo-{i:D4}", Point(), Skills[_random.Next(Skills.Length)], _random.Next(1, 3), due, parts);
    }

    private LatLon Point() => new(48.137 + (_random.NextDouble() - 0.5) * 0.54, 11.575 + (_random.NextDouble() - 0.5) * 0.81);
}
