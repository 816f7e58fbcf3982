using IotService.Rules.Anomalies.Detection;
using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>
/// What a detector found when the rule raised: the property, the value against the range it expected, the score, since
/// when, and which channel found it (<see cref="Cause"/>). For a drift <see cref="Recent"/> and <see cref="Usual"/> are
/// the short and the long level; for a burst, the readings far from the usual level in the last <see cref="Window"/>
/// and how many the series usually has in as many.
/// </summary>
internal sealed record AnomalyFinding(
    string Property, double Observed, double Expected, double Spread, double Score, DateTimeOffset Since,
    AnomalyCause Cause = AnomalyCause.Reading, double Recent = double.NaN, double Usual = double.NaN, int Window = 0)
{
    /// <summary>How many usual errors either side of the expected value still count as expected.</summary>
    public const double RangeSpreads = 3;

    public double ExpectedLow => Expected - RangeSpreads * Spread;

    public double ExpectedHigh => Expected + RangeSpreads * Spread;

    public void WriteTo(CheckpointWriter writer)
        => writer.Number(Observed).Number(Expected).Number(Spread).Number(Score).Time(Since)
            .Whole((long)Cause).Number(Recent).Number(Usual).Whole(Window);

    /// <summary>The property is not stored: the rule knows it from the raising index.</summary>
    public static AnomalyFinding ReadFrom(ref CheckpointReader reader)
        => new(
            string.Empty, reader.Number(), reader.Number(), reader.Number(), reader.Number(), reader.Time(),
            (AnomalyCause)reader.Whole(), reader.Number(), reader.Number(), (int)reader.Whole());
}
