namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// How a <see cref="MultivariateTrainer"/> fits: at most <see cref="MaxRank"/> components, as few as explain
/// <see cref="ExplainedVariance"/> of the standardised variance (always fewer than the properties, or nothing would
/// be left to judge); the principal subspace is fitted on at most <see cref="FitRows"/> rows, evenly spread, while
/// the calibration sees every row; fewer than <see cref="MinRows"/> rows train nothing.
/// </summary>
public sealed record MultivariateTrainingOptions(
    int MaxRank = 8,
    double ExplainedVariance = 0.95,
    int FitRows = 200_000,
    int MinRows = 500,
    int Seed = 17)
{
    public static readonly MultivariateTrainingOptions Default = new();
}
