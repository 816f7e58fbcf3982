using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;

namespace IotService.Benchmarks.Map;

/// <summary>
/// A fleet like the demo's: devices around 40 cities (normal spread of about 0.3°), 1% of them with a serious fault,
/// 3% a minor one, 5% offline, over 10 customers; and the readings it sends: mostly new values, now and then a move or a
/// severity change.
/// </summary>
public sealed class SyntheticFleet(int devices, int seed)
{
    private static readonly (double Lat, double Lon)[] Cities =
    [
        (31.23, 121.47), (39.90, 116.40), (22.54, 114.06), (30.57, 104.07), (23.13, 113.26), (35.68, 139.69), (37.57, 126.98),
        (1.35, 103.82), (13.76, 100.50), (19.08, 72.88), (28.61, 77.21), (25.20, 55.27), (41.01, 28.98), (55.76, 37.62),
        (52.52, 13.40), (48.86, 2.35), (51.51, -0.13), (40.42, -3.70), (41.90, 12.50), (59.33, 18.07), (50.45, 30.52),
        (30.04, 31.24), (6.52, 3.38), (-1.29, 36.82), (-26.20, 28.05), (-33.92, 18.42), (40.71, -74.01), (41.88, -87.63),
        (34.05, -118.24), (37.77, -122.42), (29.76, -95.37), (43.65, -79.38), (19.43, -99.13), (4.71, -74.07), (-12.05, -77.04),
        (-23.55, -46.63), (-34.60, -58.38), (-33.87, 151.21), (-37.81, 144.96), (-36.85, 174.76),
    ];

    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private readonly Random _random = new(seed);
    private readonly (double Lat, double Lon)[] _positions = new (double, double)[devices];

    public int Count => devices;

    public static string Id(int i) => $"dev-{i:D6}";

    public IEnumerable<DeviceSummary> Summaries()
    {
        for (var i = 0; i < devices; i++)
        {
            var city = Cities[i % Cities.Length];
            var position = (Math.Clamp(city.Lat + Normal(0.3), -89, 89), Math.Clamp(city.Lon + Normal(0.3), -179.9, 179.9));
            _positions[i] = position;
            var roll = _random.NextDouble();
            var severity = roll < 0.005 ? Severity.Critical : roll < 0.01 ? Severity.Major : roll < 0.04 ? Severity.Minor : Severity.None;
            var status = _random.NextDouble() < 0.05 ? DeviceStatus.Offline : DeviceStatus.Online;
            yield return new DeviceSummary(
                Id(i), null, "chiller-x", $"cust-{i % 10}", status, severity, position.Item1, position.Item2, T0, T0, "{}", "", "", T0);
        }
    }

    /// <summary>One window's deltas of <paramref name="count"/> random devices.</summary>
    public List<DeviceDelta> Window(int count, DateTimeOffset at)
    {
        var window = new List<DeviceDelta>(count);
        for (var n = 0; n < count; n++)
        {
            var i = _random.Next(devices);
            var delta = new DeviceDelta(Id(i), "chiller-x", $"cust-{i % 10}", at, Complete: false)
            {
                LastSeen = at,
                Values = new Dictionary<string, PropertyValue>
                {
                    ["temperature"] = new(Math.Round(20 + Normal(3), 2), at),
                    ["rpm"] = new(Math.Round(1500 + Normal(100)), at),
                },
            };
            var roll = _random.NextDouble();
            if (roll < 0.01)
            {
                var (lat, lon) = _positions[i];
                _positions[i] = (Math.Clamp(lat + Normal(0.01), -89, 89), Math.Clamp(lon + Normal(0.01), -179.9, 179.9));
                delta = delta with { Location = new GeoPoint(_positions[i].Lat, _positions[i].Lon) };
            }
            else if (roll < 0.02)
            {
                delta = delta with { HighestActiveSeverity = (Severity)_random.Next(0, 5) };
            }

            window.Add(delta);
        }

        return window;
    }

    /// <summary>A city view (about 0.6° × 0.4°) around one of the fleet's cities, chosen at random.</summary>
    public (double West, double South, double East, double North) CityView()
    {
        var (lat, lon) = Cities[_random.Next(Cities.Length)];
        return (lon - 0.3, lat - 0.2, lon + 0.3, lat + 0.2);
    }

    /// <summary>A country view (about 12° × 8°) around one of the fleet's cities.</summary>
    public (double West, double South, double East, double North) CountryView()
    {
        var (lat, lon) = Cities[_random.Next(Cities.Length)];
        return (Math.Max(lon - 6, -180), Math.Max(lat - 4, -90), Math.Min(lon + 6, 180), Math.Min(lat + 4, 90));
    }

    private double Normal(double sigma)
    {
        // Box–Muller.
        var u = 1 - _random.NextDouble();
        var v = _random.NextDouble();
        return sigma * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
