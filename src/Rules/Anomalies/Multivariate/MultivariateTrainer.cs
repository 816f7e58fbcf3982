namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// Trains a <see cref="MultivariateModel"/> from a model's fleet history: standardise robustly
/// (<see cref="MultivariateStandardiser"/>), fit ML.NET's randomized PCA with a fixed seed on an even sample of the
/// rows (<see cref="PcaFit"/>), keep the fewest components that explain enough of the variance, and calibrate the
/// reconstruction error on every row. Pure CPU work on its inputs: the host runs it off the grain's thread.
/// </summary>
public sealed class MultivariateTrainer(MultivariateTrainingOptions? options = null)
{
    private readonly MultivariateTrainingOptions _options = options ?? MultivariateTrainingOptions.Default;

    /// <summary>The trained model (version 0: the host numbers it), or null with fewer than two properties or too few rows.</summary>
    public MultivariateModel? Train(MultivariateRows rows, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var p = rows.Width;
        if (p < 2 || rows.Count < Math.Max(_options.MinRows, p + 1))
        {
            return null;
        }

        var sample = EvenSample(rows.Count, _options.FitRows);
        var (center, scale) = MultivariateStandardiser.Fit(rows, sample);
        var standardised = new float[sample.Length * p];
        for (var i = 0; i < sample.Length; i++)
        {
            var row = rows.Row(sample[i]);
            for (var j = 0; j < p; j++)
            {
                standardised[(i * p) + j] = (float)((row[j] - center[j]) / scale[j]);
            }
        }

        var fit = PcaFit.Run(standardised, p, Math.Clamp(_options.MaxRank, 1, p - 1), _options.Seed);
        if (fit.Rank == 0)
        {
            return null;
        }

        var rank = fit.RankExplaining(standardised, _options.ExplainedVariance);
        var provenance = new MultivariateProvenance(0, trainedAt, rows.Count, rows.Devices, rows.From, rows.To);
        var components = fit.Components.AsSpan(0, rank * p).ToArray();
        var uncalibrated = new MultivariateModel(rows.Properties, center, scale, fit.Mean, components, rank, default, provenance);
        var errors = new double[rows.Count];
        Span<double> row64 = stackalloc double[p];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows.Row(i);
            for (var j = 0; j < p; j++)
            {
                row64[j] = row[j];
            }

            errors[i] = uncalibrated.Error(row64);
        }

        return new MultivariateModel(rows.Properties, center, scale, fit.Mean, components, rank, MultivariateCalibration.Of(errors), provenance);
    }

    private static int[] EvenSample(int count, int most)
    {
        var n = Math.Min(count, Math.Max(1, most));
        var sample = new int[n];
        for (var i = 0; i < n; i++)
        {
            sample[i] = (int)((long)i * count / n);
        }

        return sample;
    }
}
