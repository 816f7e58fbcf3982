namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// Robust per-property centre and scale: median and MAD (× 1.4826, a standard deviation for normal data), so a few
/// faulty devices in the training history neither move the centre nor stretch the scale. A property whose MAD is
/// zero (mostly constant) falls back to its standard deviation, and a constant one to 1.
/// </summary>
internal static class MultivariateStandardiser
{
    public static (double[] Center, double[] Scale) Fit(MultivariateRows rows, ReadOnlySpan<int> sample)
    {
        var p = rows.Width;
        var (center, scale) = (new double[p], new double[p]);
        var column = new double[sample.Length];
        for (var j = 0; j < p; j++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                column[i] = rows.Row(sample[i])[j];
            }

            Array.Sort(column);
            var median = column[column.Length / 2];
            var (mean, sum2) = (column.Average(), 0.0);
            for (var i = 0; i < column.Length; i++)
            {
                sum2 += (column[i] - mean) * (column[i] - mean);
                column[i] = Math.Abs(column[i] - median);
            }

            Array.Sort(column);
            var mad = column[column.Length / 2] * 1.4826;
            var std = Math.Sqrt(sum2 / column.Length);
            center[j] = median;
            scale[j] = mad > 1e-9 * Math.Max(1, Math.Abs(median)) ? mad : std > 0 ? std : 1;
        }

        return (center, scale);
    }
}
