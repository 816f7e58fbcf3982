using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Rules.Tests.Anomalies;

/// <summary>
/// A heating loop, one reading a minute: the supply swings 15 ± 4 °C through the day with ±1.5 °C of noise of its own,
/// and the return follows it 5 °C higher within ±0.2 °C. The relation is far tighter than either value, so a return
/// 1.5 °C too low for its supply is nothing to the per-property detectors and plain to the multivariate one, and
/// both moving 10 °C together is the other way round. Seeded per minute, so every run sees the same values.
/// </summary>
internal static class HeatingLoop
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Trained with <see cref="MultivariateTrainer"/> on two loops × one day before <see cref="T0"/>.</summary>
    public static readonly MultivariateModel Detector = Train();

    public static readonly RuleScope WithoutDetector = new(new Dictionary<string, string?> { ["supply"] = "°C", ["return"] = "°C" });

    public static readonly RuleScope WithDetector = new(new Dictionary<string, string?> { ["supply"] = "°C", ["return"] = "°C" }, Detector);

    public static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    public static (double Supply, double Return) Normal(int minute, int seed = 0)
    {
        var random = new Random((seed * 1_000_000) + minute + 1_000_000_000);
        var supply = 15 + (4 * Math.Sin(2 * Math.PI * minute / 1440.0)) + (3 * (random.NextDouble() - 0.5));
        return (supply, supply + 5 + (0.4 * (random.NextDouble() - 0.5)));
    }

    /// <summary>Values each as usual, but the return only 3.5 °C above the supply.</summary>
    public static (double Supply, double Return) Broken(int minute)
    {
        var (supply, _) = Normal(minute);
        return (supply, supply + 3.5);
    }

    /// <summary>Both 10 °C higher than usual, still 5 °C apart.</summary>
    public static (double Supply, double Return) Spike(int minute)
    {
        var (supply, ret) = Normal(minute);
        return (supply + 10, ret + 10);
    }

    private static MultivariateModel Train()
    {
        var rows = new MultivariateRows(["supply", "return"]);
        for (var seed = 1; seed <= 2; seed++)
        {
            var readings = Enumerable.Range(-1440, 1440).Select(m => (At: At(m), Values: Normal(m, seed))).ToList();
            rows.AddDevice([
                [.. readings.Select(r => new MultivariateSample(r.At, r.Values.Supply))],
                [.. readings.Select(r => new MultivariateSample(r.At, r.Values.Return))]]);
        }

        return new MultivariateTrainer().Train(rows, T0) ?? throw new InvalidOperationException("Two days of rows train a detector.");
    }
}
