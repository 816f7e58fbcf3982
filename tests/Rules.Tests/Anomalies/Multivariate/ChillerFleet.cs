using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Rules.Tests.Anomalies.Multivariate;

/// <summary>
/// A synthetic fleet of chillers, one reading a minute: supply water swings between 4 and 16 °C over the day (each
/// device at its own phase), return water is supply + 5 ± 0.3 °C. Seeded, so every test trains the same detector.
/// </summary>
internal static class ChillerFleet
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Properties = ["supply", "return"];

    private static readonly Lazy<MultivariateModel> Trained = new(() => new MultivariateTrainer().Train(Rows(40, 1440), T0.AddDays(1))!);

    /// <summary>Trained once on 40 devices × 1 day.</summary>
    public static MultivariateModel Model => Trained.Value;

    public static MultivariateRows Rows(int devices, int minutes, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new MultivariateRows(Properties);
        for (var d = 0; d < devices; d++)
        {
            var (supply, ret) = (new List<MultivariateSample>(), new List<MultivariateSample>());
            var phase = random.NextDouble() * 2 * Math.PI;
            for (var m = 0; m < minutes; m++)
            {
                var (s, r) = Reading(random, phase, m);
                supply.Add(new MultivariateSample(T0.AddMinutes(m), s));
                ret.Add(new MultivariateSample(T0.AddMinutes(m), r));
            }

            rows.AddDevice([supply, ret]);
        }

        return rows;
    }

    public static (double Supply, double Return) Reading(Random random, double phase, int minute)
    {
        var supply = 10 + (6 * Math.Sin(phase + (minute * 2 * Math.PI / 1440)));
        return (supply, supply + 5 + Noise(random, 0.3));
    }

    // Box–Muller: normal noise from a seeded Random.
    private static double Noise(Random random, double sigma)
        => sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
