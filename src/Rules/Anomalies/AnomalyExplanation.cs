using System.Globalization;
using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>The sentence and fields an anomaly alarm carries: property, observed against the learned range, score, since when.</summary>
internal static class AnomalyExplanation
{
    public static RuleExplanation Of(AnomalyFinding? finding, RuleScope scope, double observed)
    {
        if (finding is null)
        {
            return new RuleExplanation($"An unusual value was observed: {Format(observed)}.", Observed: observed);
        }

        var unit = scope.UnitOf(finding.Property) is { Length: > 0 } u ? " " + u : string.Empty;
        var what = finding.IsBurst
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{finding.Property} strayed far from its usual level {finding.Excursions:0} times in the last {finding.BurstWindow} readings, " +
                $"where {finding.UsualExcursions:0.#} is usual (now {Format(finding.Observed)}{unit}, expected {Format(finding.ExpectedLow)} to {Format(finding.ExpectedHigh)}{unit})")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{finding.Property} is {Format(finding.Observed)}{unit}, outside what recent history leads to expect " +
                $"({Format(finding.ExpectedLow)} to {Format(finding.ExpectedHigh)}{unit})");
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{what}; anomaly score {finding.Score:0.00}, unusual since {finding.Since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
        return new RuleExplanation(text, finding.Property, finding.Observed, finding.ExpectedLow, finding.ExpectedHigh, finding.Score)
        {
            DeviatingSince = finding.Since,
        };
    }

    private static string Format(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
