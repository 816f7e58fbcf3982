using IotService.Dispatch.Costs;
using IotService.Dispatch.Geo;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Tests;

/// <summary>Random fleets over awkward geographies: a country, cities, the world, the antimeridian, the pole, one spot.</summary>
internal sealed class RandomFleet(Random random)
{
    private static readonly string[] Skills = ["hvac", "electrical", "refrigeration", "plumbing"];
    private int _region;

    public int Region => _region;

    public void PickRegion() => _region = random.Next(7);

    public LatLon Point()
    {
        switch (_region)
        {
            case 0: return new(Uniform(47, 55), Uniform(6, 15));
            case 1:
                var city = random.Next(3);
                return new(Math.Clamp(50 + city * 1.5 + Gaussian() * 0.1, -90, 90), Math.Clamp(8 + city * 2 + Gaussian() * 0.15, -180, 180));
            case 2: return new(Uniform(-85, 85), Uniform(-180, 180));
            case 3:
                var lon = Uniform(170, 190);
                return new(Uniform(-20, -10), lon > 180 ? lon - 360 : lon);
            case 4: return new(Uniform(80, 90), Uniform(-180, 180));
            case 5: return new(45.5, 9.2);
            default: return new(45.5 + Uniform(0, 0.001), 9.2 + Uniform(0, 0.001));
        }
    }

    public Technician Technician(int i)
    {
        var skills = new Dictionary<string, int>();
        for (var k = random.Next(1, 3); k > 0; k--)
        {
            skills[Skills[random.Next(Skills.Length)]] = random.Next(1, 4);
        }

        ShiftWindow? shift = random.NextDouble() < 0.5 ? null : new(new TimeOnly(random.Next(24), 0), new TimeOnly(random.Next(24), 0));
        var van = random.NextDouble() < 0.5 ? null : new Dictionary<string, int> { ["relay"] = random.Next(3), ["fan"] = random.Next(2) };
        return new Technician($"t{i:D4}", Point(), skills, shift, random.NextDouble() < 0.9, random.Next(3, 6), random.Next(6), van);
    }

    public List<Technician> Technicians(int count) => [.. Enumerable.Range(0, count).Select(Technician)];

    public DispatchOrder Order(string id, IReadOnlyList<Technician> technicians, DateTimeOffset now)
    {
        var location = random.NextDouble() < 0.2 ? new LatLon(Uniform(-90, 90), Uniform(-180, 180)) : Point();
        DateTimeOffset? due = random.NextDouble() < 0.5 ? null : now.AddMinutes(Uniform(-60, 240));
        Dictionary<string, int>? parts = random.Next(3) switch
        {
            0 => null,
            1 => new() { ["relay"] = 1 },
            _ => new() { ["relay"] = 1, ["fan"] = 1 },
        };
        var excluded = technicians.Where(_ => random.NextDouble() < 0.05).Select(t => t.Id).ToList();
        return new DispatchOrder(id, location, Skills[random.Next(Skills.Length)], random.Next(1, 4), due, parts, excluded);
    }

    public DateTimeOffset Now() => new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(2)).AddMinutes(random.Next(24 * 60));

    public CostSettings Settings() => new()
    {
        SpeedKmh = Uniform(30, 90),
        RoadFactor = Uniform(1, 1.5),
        LatenessPenaltyPerMinute = random.Next(3) == 0 ? 0 : Uniform(0, 3),
        PartsBonusMinutes = random.Next(3) == 0 ? 0 : Uniform(0, 90),
    };

    private double Uniform(double low, double high) => low + random.NextDouble() * (high - low);

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
