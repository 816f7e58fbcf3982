using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>
/// What a detector found when the rule raised: the property, the value against the range it expected, the score, and
/// since when; for a burst (<see cref="IsBurst"/>) also how often the series strayed lately against how often it usually does.
/// </summary>
internal sealed record AnomalyFinding(
    string Property, double Observed, double Expected, double Spread, double Score, DateTimeOffset Since,
    double Excursions = double.NaN, double UsualExcursions = double.NaN, int BurstWindow = 0)
{
    /// <summary>How many usual errors either side of the expected value still count as expected.</summary>
    public const double RangeSpreads = 3;

    public double ExpectedLow => Expected - RangeSpreads * Spread;

    public double ExpectedHigh => Expected + RangeSpreads * Spread;

    /// <summary>Raised by a burst of readings far from the usual level rather than by one surprising reading.</summary>
    public bool IsBurst => BurstWindow > 0;

    public void WriteTo(CheckpointWriter writer)
        => writer.Number(Observed).Number(Expected).Number(Spread).Number(Score).Time(Since)
            .Number(Excursions).Number(UsualExcursions).Whole(BurstWindow);

    /// <summary>The property is not stored: the rule knows it from the raising index.</summary>
    public static AnomalyFinding ReadFrom(ref CheckpointReader reader)
        => new(string.Empty, reader.Number(), reader.Number(), reader.Number(), reader.Number(), reader.Time(), reader.Number(), reader.Number(), (int)reader.Whole());
}
