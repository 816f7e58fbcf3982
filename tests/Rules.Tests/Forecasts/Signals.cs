namespace IotService.Rules.Tests.Forecasts;

/// <summary>Synthetic series for the forecast tests: (seconds after T0, value), deterministic for a seed.</summary>
internal static class Signals
{
    public const double Day = 86_400;

    /// <summary>One reading every <paramref name="everySeconds"/> for <paramref name="days"/> days of <paramref name="shape"/> plus Gaussian noise.</summary>
    public static IEnumerable<(double Seconds, double Value)> Regular(double days, double everySeconds, Func<double, double> shape, double noise, int seed = 1)
    {
        var random = new Random(seed);
        for (var t = 0.0; t < days * Day; t += everySeconds)
        {
            yield return (t, shape(t) + (noise * Gaussian(random)));
        }
    }

    /// <summary>Readings at random gaps (exponential, mean <paramref name="meanGapSeconds"/>), as a device that reports on change would send.</summary>
    public static IEnumerable<(double Seconds, double Value)> Irregular(double days, double meanGapSeconds, Func<double, double> shape, double noise, int seed = 1)
    {
        var random = new Random(seed);
        for (var t = 0.0; t < days * Day; t += -meanGapSeconds * Math.Log(1 - random.NextDouble()))
        {
            yield return (t, shape(t) + (noise * Gaussian(random)));
        }
    }

    /// <summary>A straight line through <paramref name="start"/> at t = 0, changing by <paramref name="perDay"/> a day.</summary>
    public static Func<double, double> Line(double start, double perDay) => t => start + (perDay * t / Day);

    /// <summary>A daily cycle of <paramref name="amplitude"/> around <paramref name="mean"/>, shifted by <paramref name="phaseHours"/>.</summary>
    public static Func<double, double> DailyCycle(double mean, double amplitude, double phaseHours = 0) =>
        t => mean + (amplitude * Math.Sin(2 * Math.PI * ((t / Day) + (phaseHours / 24))));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
