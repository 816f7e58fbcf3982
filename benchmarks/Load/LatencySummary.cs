namespace IotService.Benchmarks.Load;

/// <summary>Acknowledgement latencies of a run or step, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles over every latency of every connection (no interpolation, no outlier removal).</summary>
    public static LatencySummary Of(IEnumerable<List<double>> perConnection)
    {
        var all = perConnection.SelectMany(l => l).Order().ToArray();
        return all.Length == 0
            ? new LatencySummary(0, 0, 0, 0)
            : new LatencySummary(all.Length, At(all, 0.5), At(all, 0.99), all[^1]);
    }

    private static double At(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
}
