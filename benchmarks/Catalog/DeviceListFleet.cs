using System.Globalization;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;

namespace IotService.Benchmarks.Catalog;

/// <summary>
/// Device summaries shaped like the demo fleet at scale: six customers of uneven size, six models, names of the form
/// "Chiller Shanghai 042", mostly healthy (severity none 93%, warning 3%, minor 2%, major 1.5%, critical 0.5%) and
/// mostly online (90%, offline 8%, never heard 2%), six values each.
/// </summary>
internal static class DeviceListFleet
{
    public static readonly string[] Customers = ["cust-1", "cust-2", "cust-3", "cust-4", "cust-5", "cust-6"];
    private static readonly int[] CustomerWeights = [28, 22, 18, 12, 12, 8];
    private static readonly (string Id, string Short)[] Models =
    [
        ("chiller-cx200", "Chiller"), ("purifier-ro500", "RO purifier"), ("airpurifier-ap900", "Air purifier"),
        ("ac-vrf360", "Air conditioner"), ("robot-cr20", "Cleaning robot"), ("furnace-hm1200", "Furnace monitor"),
    ];

    private static readonly string[] Cities = ["Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Munich", "Rotterdam", "Chicago", "Singapore"];

    public static IEnumerable<DeviceSummary> Create(int count, int seed = 16)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
        {
            var customer = Customers[Pick(random, CustomerWeights)];
            var (modelId, shortName) = Models[random.Next(Models.Length)];
            var city = Cities[random.Next(Cities.Length)];
            var roll = random.NextDouble();
            var severity = roll switch
            {
                < 0.005 => Severity.Critical,
                < 0.02 => Severity.Major,
                < 0.04 => Severity.Minor,
                < 0.07 => Severity.Warning,
                _ => Severity.None,
            };
            var status = random.NextDouble() switch
            {
                < 0.02 => DeviceStatus.Unknown,
                < 0.10 => DeviceStatus.Offline,
                _ => DeviceStatus.Online,
            };
            var seen = now.AddSeconds(-random.Next(3600));
            var values = string.Join(",", Enumerable.Range(0, 6).Select(p =>
                string.Create(CultureInfo.InvariantCulture, $"\"property_{p}\":{{\"value\":{random.NextDouble() * 100:F2},\"timestamp\":\"{seen:O}\"}}")));
            yield return new DeviceSummary(
                $"dev-{i:D6}", $"{shortName} {city} {i % 997:D3}", modelId, customer, status, severity,
                31 + random.NextDouble(), 121 + random.NextDouble(), status == DeviceStatus.Unknown ? null : seen, now.AddDays(-90),
                "{" + values + "}", "sha256$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=", $"ACT{i:D9}", seen);
        }
    }

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
