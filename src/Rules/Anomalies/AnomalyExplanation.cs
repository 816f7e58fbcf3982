using System.Globalization;
using IotService.Rules.Anomalies.Detection;
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
        var now = $"{Format(finding.Observed)}{unit}";
        var range = $"{Format(finding.ExpectedLow)} to {Format(finding.ExpectedHigh)}{unit}";
        var what = finding.Cause switch
        {
            AnomalyCause.Burst => string.Create(
                CultureInfo.InvariantCulture,
                $"{finding.Property} strayed far from its usual level {finding.Recent:0} times in the last {finding.Window} readings, " +
                $"where {finding.Usual:0.#} is usual (now {now}, expected {range})"),
            AnomalyCause.Drift => string.Create(
                CultureInfo.InvariantCulture,
                $"{finding.Property} is moving away from its usual level faster than it has before: {Format(finding.Recent)}{unit} lately " +
                $"against {Format(finding.Usual)}{unit} over a longer run (now {now})"),
            AnomalyCause.Course => string.Create(
                CultureInfo.InvariantCulture,
                $"{finding.Property} has been off its expected course for the last {finding.Window} readings (now {now}, expected {range})"),
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"{finding.Property} is {now}, outside what recent history leads to expect ({range})"),
        };
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
