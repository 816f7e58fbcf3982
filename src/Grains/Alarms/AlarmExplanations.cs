using IotService.Contracts.Alarms;
using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>A rule kind's explanation as the alarm stores and sends it; the shapes match field for field.</summary>
internal static class AlarmExplanations
{
    public static AlarmExplanation From(RuleExplanation explanation) => new(
        explanation.Text, explanation.Property, explanation.Observed, explanation.ExpectedLow, explanation.ExpectedHigh, explanation.Score)
    {
        DeviatingSince = explanation.DeviatingSince,
        // No contributors stay the shared empty list, so explanations without them compare equal.
        Contributors = explanation.Contributors.Count == 0 ? [] : [.. explanation.Contributors.Select(c => new AlarmContribution(c.Property, c.Share, c.Observed, c.Expected))],
        Forecast = explanation.Forecast is { } f ? new AlarmForecast(f.Limit, f.CrossingAt, f.Earliest, f.Latest) : null,
    };
}
