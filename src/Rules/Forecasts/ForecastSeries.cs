using IotService.Rules.Kinds;

namespace IotService.Rules.Forecasts;

/// <summary>
/// One device's forecast of one rule: the trend's sums, the newest reading's time and value, whether the rule fires
/// and in which direction it watches the limit (+1 rising, −1 falling, 0 not yet known), and since when the trend
/// has predicted a crossing within the horizon. Constant size, checkpointed field by field.
/// </summary>
public sealed class ForecastSeries : IRuleState
{
    private const byte Format = 1;

    public ForecastTrend Trend { get; private init; } = new();

    public DateTimeOffset? LastReading { get; set; }

    public double LastValue { get; set; } = double.NaN;

    public bool Firing { get; set; }

    /// <summary>Fixed while firing, so a limit the value has passed keeps the rule firing rather than turning it round.</summary>
    public int Direction { get; set; }

    public DateTimeOffset? PredictingSince { get; set; }

    public byte[] Checkpoint()
    {
        var writer = new CheckpointWriter(Format)
            .Time(LastReading).Number(LastValue).Flag(Firing).Number(Direction).Time(PredictingSince);
        Trend.Write(writer);
        return writer.ToArray();
    }

    public static ForecastSeries? Read(ReadOnlySpan<byte> checkpoint)
    {
        var reader = new CheckpointReader(checkpoint);
        var lastReading = reader.OptionalTime();
        var lastValue = reader.Number();
        var firing = reader.Flag();
        var direction = reader.Number();
        var predictingSince = reader.OptionalTime();
        var trend = ForecastTrend.Read(ref reader);
        return reader.Version == Format && reader.Succeeded && trend is not null && direction is -1 or 0 or 1
            ? new ForecastSeries
            {
                Trend = trend,
                LastReading = lastReading,
                LastValue = lastValue,
                Firing = firing,
                Direction = (int)direction,
                PredictingSince = predictingSince,
            }
            : null;
    }
}
