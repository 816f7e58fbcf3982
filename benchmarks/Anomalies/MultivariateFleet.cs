using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Benchmarks.Anomalies;

/// <summary>
/// A synthetic fleet, one reading a minute per device: every property a fixed mix of two hidden signals (a daily
/// cycle at the device's own phase, and a slowly wandering load) plus noise, so the properties are related as a
/// real machine's are. Seeded: every run measures the same data.
/// </summary>
internal static class MultivariateFleet
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static string[] Properties(int count) => [.. Enumerable.Range(0, count).Select(j => $"p{j}")];

    /// <summary>Per device, one series per property.</summary>
    public static List<MultivariateSample[][]> Series(int devices, int minutes, int properties, int seed = 17)
    {
        var random = new Random(seed);
        var mix = Enumerable.Range(0, properties).Select(_ => (A: 1 + (4 * random.NextDouble()), B: 2 * random.NextDouble(), Offset: 20 * random.NextDouble())).ToArray();
        var fleet = new List<MultivariateSample[][]>(devices);
        for (var d = 0; d < devices; d++)
        {
            var series = Enumerable.Range(0, properties).Select(_ => new MultivariateSample[minutes]).ToArray();
            var (phase, load) = (random.NextDouble() * 2 * Math.PI, random.NextDouble());
            for (var m = 0; m < minutes; m++)
            {
                load = Math.Clamp(load + (0.02 * (random.NextDouble() - 0.5)), 0, 1);
                var cycle = Math.Sin(phase + (m * 2 * Math.PI / 1440));
                for (var j = 0; j < properties; j++)
                {
                    series[j][m] = new MultivariateSample(T0.AddMinutes(m), mix[j].Offset + (mix[j].A * cycle) + (mix[j].B * load) + (0.1 * (random.NextDouble() - 0.5)));
                }
            }

            fleet.Add(series);
        }

        return fleet;
    }

    public static MultivariateRows Rows(List<MultivariateSample[][]> fleet, int properties)
    {
        var rows = new MultivariateRows(Properties(properties));
        foreach (var device in fleet)
        {
            rows.AddDevice(device);
        }

        return rows;
    }
}
