using IotService.Rules.Anomalies.Detection;
using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>
/// What an anomaly rule remembers for one device: a detector and the newest reading time per watched property (in
/// the rule's property order), and, while firing, what raised it (for the explanation and for clearing).
/// </summary>
public sealed class AnomalySeries : IRuleState
{
    /// <summary>
    /// 3: the detector keeps the usual gap between its levels (2), a context memory and a burst count (3), and a finding
    /// says whether a burst raised it. An older checkpoint is refused and the rule learns afresh.
    /// </summary>
    private const byte FormatVersion = 3;

    internal AnomalySeries(SeriesDetector[] detectors, long shape)
    {
        Detectors = detectors;
        LastTimestamps = new DateTimeOffset?[detectors.Length];
        Shape = shape;
    }

    internal SeriesDetector[] Detectors { get; }

    internal DateTimeOffset?[] LastTimestamps { get; }

    /// <summary>Which property list the state was built for; a checkpoint of another list is refused.</summary>
    internal long Shape { get; }

    internal bool Firing { get; set; }

    /// <summary>The watched property (index) whose event raised the alarm; -1 when not firing or started firing (open alarm).</summary>
    internal int RaisedBy { get; set; } = -1;

    internal AnomalyFinding? Finding { get; set; }

    /// <summary>The score of the last reading the rule took, whichever property it was of (for tests and diagnostics).</summary>
    public double LastScore { get; internal set; }

    public byte[] Checkpoint()
    {
        var writer = new CheckpointWriter(FormatVersion).Whole(Shape).Whole(Detectors.Length);
        for (var i = 0; i < Detectors.Length; i++)
        {
            writer.Time(LastTimestamps[i]);
            Detectors[i].WriteTo(writer);
        }

        writer.Flag(Firing).Whole(RaisedBy).Number(LastScore).Flag(Finding is not null);
        Finding?.WriteTo(writer);
        return writer.ToArray();
    }

    internal static AnomalySeries? Read(ReadOnlySpan<byte> checkpoint, long shape, DetectorSettings settings)
    {
        var reader = new CheckpointReader(checkpoint);
        if (reader.Version != FormatVersion || reader.Whole() != shape)
        {
            return null;
        }

        var count = reader.Whole();
        if (count is < 0 or > 10_000)
        {
            return null;
        }

        var detectors = new SeriesDetector[count];
        var timestamps = new DateTimeOffset?[count];
        for (var i = 0; i < count; i++)
        {
            timestamps[i] = reader.OptionalTime();
            detectors[i] = SeriesDetector.ReadFrom(ref reader, settings);
        }

        var series = new AnomalySeries(detectors, shape) { Firing = reader.Flag(), RaisedBy = (int)reader.Whole(), LastScore = reader.Number() };
        timestamps.CopyTo(series.LastTimestamps, 0);
        if (reader.Flag())
        {
            series.Finding = AnomalyFinding.ReadFrom(ref reader);
        }

        return reader.Succeeded && series.RaisedBy < count ? series : null;
    }
}
