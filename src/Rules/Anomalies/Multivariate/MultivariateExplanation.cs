using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// Says why a multivariate rule fired: the properties whose values the learned relation explains worst, each with
/// its share of the squared standardised residual, the value observed and the value the relation expected. The
/// top contributor fills the single-property fields, with the range around its expected value within which its
/// residual alone would be ordinary (the training p99).
/// </summary>
public static class MultivariateExplanation
{
    private const int MostListed = 5;
    private const double LeastShare = 0.05;

    public static RuleExplanation Of(MultivariateModel model, ReadOnlySpan<double> values, IReadOnlyList<string?> units, DateTimeOffset? since)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(units);
        var residuals = new double[values.Length];
        var error = model.Error(values, residuals);
        var score = model.Calibration.Score(error);
        var ranked = Enumerable.Range(0, values.Length).OrderByDescending(j => residuals[j] * residuals[j]).ToList();
        var contributors = new List<RuleContribution>();
        var parts = new List<string>();
        foreach (var j in ranked)
        {
            var share = error > 0 ? residuals[j] * residuals[j] / error : 0;
            if (contributors.Count == MostListed || (contributors.Count > 0 && share < LeastShare))
            {
                break;
            }

            var contribution = new RuleContribution(model.Properties[j], share, values[j], model.Expected(j, values[j], residuals[j]));
            var unit = j < units.Count && units[j] is { } u ? " " + u : "";
            parts.Add($"{contribution.Property} {N(contribution.Observed)}{unit} where {N(contribution.Expected)}{unit} was expected ({N(Math.Round(share * 100))}%)");
            contributors.Add(contribution);
        }

        var top = ranked[0];
        var tolerance = Math.Sqrt(model.Calibration.P99) * model.ScaleOf[top];
        var expected = contributors[0].Expected;
        // Name the properties that carry the deviation, not every property the detector watches (a chiller has seven).
        var text = $"{Subject(contributors)} do not fit together as usual (score {N(score)}): {string.Join("; ", parts)}.";
        return new RuleExplanation(text, contributors[0].Property, values[top], expected - tolerance, expected + tolerance, score)
        {
            Contributors = contributors,
            DeviatingSince = since,
        };
    }

    private static string N(double value) => ExplanationText.Number(value);

    private static string Subject(List<RuleContribution> contributors) => contributors.Count switch
    {
        1 => $"{contributors[0].Property} and the other properties",
        _ => string.Join(", ", contributors.Take(contributors.Count - 1).Select(c => c.Property)) + " and " + contributors[^1].Property,
    };
}
