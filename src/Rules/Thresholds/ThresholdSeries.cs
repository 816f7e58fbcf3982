using IotService.Rules.Kinds;

namespace IotService.Rules.Thresholds;

/// <summary>One device's <see cref="ThresholdState"/> for one threshold rule, replaced in place per reading.</summary>
public sealed class ThresholdSeries : IRuleState
{
    private const byte Format = 1;

    public ThresholdState State { get; set; }

    public byte[] Checkpoint() =>
        new CheckpointWriter(Format).Time(State.PendingSince).Flag(State.Firing).Time(State.LastEvaluated).ToArray();

    public static ThresholdSeries? Read(ReadOnlySpan<byte> checkpoint)
    {
        var reader = new CheckpointReader(checkpoint);
        var state = new ThresholdState(reader.OptionalTime(), reader.Flag(), reader.OptionalTime());
        return reader.Version == Format && reader.Succeeded ? new ThresholdSeries { State = state } : null;
    }
}
