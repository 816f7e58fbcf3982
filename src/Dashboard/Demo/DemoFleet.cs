using IotService.Contracts.Customers;
using IotService.Contracts.Technicians;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The whole demo fleet, computed from a seed alone: the same seed and count give the same
/// devices in the same places, so a restarted hub finds the fleet it seeded before.
/// </summary>
public sealed class DemoFleet
{
    /// <summary>Devices stand within this distance of their city centre.</summary>
    public const double MaxJitterKm = 8;

    private readonly Dictionary<string, DemoModel> _models;

    private DemoFleet(int seed, IReadOnlyList<DemoDevice> devices)
    {
        Seed = seed;
        Devices = devices;
        _models = DemoModels.All.ToDictionary(m => m.Id);
    }

    public int Seed { get; }

    public IReadOnlyList<DemoModel> Models => DemoModels.All;

    public IReadOnlyList<CustomerDefinition> Customers { get; } = [.. DemoCustomers.All.Select(c => c.Definition)];

    public IReadOnlyList<TechnicianDefinition> Technicians => DemoTechnicians.All;

    public IReadOnlyList<DemoDevice> Devices { get; }

    public DemoModel Model(string id) => _models[id];

    public bool TryGetModel(string id, out DemoModel model) => _models.TryGetValue(id, out model!);

    public static DemoFleet Create(int seed, int deviceCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceCount);
        var random = new Random(seed);
        var customers = DemoCustomers.All;
        var devices = new List<DemoDevice>(deviceCount);
        var perCityAndModel = new Dictionary<(string, string), int>();
        for (var i = 1; i <= deviceCount; i++)
        {
            var customer = Pick(random, customers, c => c.Weight);
            var city = DemoCities.Get(customer.Cities[random.Next(customer.Cities.Count)]);
            var modelId = Pick(random, customer.Equipment, e => e.Weight).ModelId;
            var model = DemoModels.All.First(m => m.Id == modelId);

            // Uniform over a disc: the square root keeps devices from crowding the centre.
            var distanceKm = MaxJitterKm * Math.Sqrt(random.NextDouble());
            var bearing = random.NextDouble() * 2 * Math.PI;
            var eastKm = distanceKm * Math.Sin(bearing);
            var location = GeoMath.Offset(city.Centre, city.ShoreToEast ? -Math.Abs(eastKm) : eastKm, distanceKm * Math.Cos(bearing));

            var key = (city.Name, model.Id);
            var number = perCityAndModel[key] = perCityAndModel.GetValueOrDefault(key) + 1;
            var id = $"dev-{i:D5}";
            devices.Add(new DemoDevice(
                id, $"{model.ShortName} {city.Name} {number:D2}", model.Id, customer.Id, city.Name, location, city.UtcOffset,
                StableHash.Combine((ulong)seed, StableHash.Of(id))));
        }

        return new DemoFleet(seed, devices);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
