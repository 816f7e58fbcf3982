using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>What a detector found when the rule raised: the property, the value against the range it expected, the score, and since when.</summary>
internal sealed record AnomalyFinding(string Property, double Observed, double Expected, double Spread, double Score, DateTimeOffset Since)
{
    /// <summary>How many usual errors either side of the expected value still count as expected.</summary>
    public const double RangeSpreads = 3;

    public double ExpectedLow => Expected - RangeSpreads * Spread;

    public double ExpectedHigh => Expected + RangeSpreads * Spread;

    public void WriteTo(CheckpointWriter writer)
        => writer.Number(Observed).Number(Expected).Number(Spread).Number(Score).Time(Since);

    /// <summary>The property is not stored: the rule knows it from the raising index.</summary>
    public static AnomalyFinding ReadFrom(ref CheckpointReader reader)
        => new(string.Empty, reader.Number(), reader.Number(), reader.Number(), reader.Number(), reader.Time());
}
