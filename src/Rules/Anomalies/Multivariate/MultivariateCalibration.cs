namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// Turns a reconstruction error into a score in [0, 1) that means the same for every model: the error's place in
/// the distribution seen on the training rows. The median error scores 0.25, the 99th percentile 0.5, the 99.9th
/// 0.75 (linear in between), and beyond it the score approaches 1 as 1 − 0.25 · p99.9 / error (0.875 at twice
/// p99.9, 0.975 at ten times). The training maximum is kept for reports but not used: one faulty row in the
/// training history would otherwise stretch the scale.
/// </summary>
public readonly record struct MultivariateCalibration(double P50, double P99, double P999, double Max)
{
    // Errors below this (standardised units squared) are rounding, not behaviour; keeps the knots apart on perfect data.
    private const double Floor = 1e-9;

    /// <summary>The quantiles of <paramref name="errors"/> (sorted in place), made strictly increasing.</summary>
    public static MultivariateCalibration Of(Span<double> errors)
    {
        if (errors.IsEmpty)
        {
            return new MultivariateCalibration(Floor, Floor * 2, Floor * 4, Floor * 4);
        }

        errors.Sort();
        var p50 = Math.Max(Quantile(errors, 0.5), Floor);
        var p99 = Math.Max(Quantile(errors, 0.99), p50 * 1.01);
        var p999 = Math.Max(Quantile(errors, 0.999), p99 * 1.01);
        return new MultivariateCalibration(p50, p99, p999, Math.Max(errors[^1], p999));
    }

    public double Score(double error)
    {
        if (double.IsNaN(error))
        {
            return double.NaN;
        }

        return error switch
        {
            <= 0 => 0,
            _ when error <= P50 => 0.25 * error / P50,
            _ when error <= P99 => 0.25 + (0.25 * (error - P50) / (P99 - P50)),
            _ when error <= P999 => 0.5 + (0.25 * (error - P99) / (P999 - P99)),
            _ => 1 - (0.25 * P999 / error),
        };
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double q)
        => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
}
