using IotService.Rules.Kinds;

namespace IotService.Rules.NoData;

/// <summary>One device's state for one no-data rule.</summary>
public sealed class NoDataSeries : IRuleState
{
    private const byte Format = 1;

    /// <summary>Silence counts from no earlier than this: when the rule started watching, or a person last cleared its alarm.</summary>
    public DateTimeOffset WatchingSince { get; set; }

    /// <summary>When a value of the rule's property last arrived (hub clock); unused by a rule on the whole device.</summary>
    public DateTimeOffset? LastHeard { get; set; }

    /// <summary>When the rule fired (its alarm's raise time), while it is firing.</summary>
    public DateTimeOffset? FiredAt { get; set; }

    public byte[] Checkpoint() => new CheckpointWriter(Format).Time(WatchingSince).Time(LastHeard).Time(FiredAt).ToArray();

    public static NoDataSeries? Read(ReadOnlySpan<byte> checkpoint)
    {
        var reader = new CheckpointReader(checkpoint);
        var series = new NoDataSeries { WatchingSince = reader.Time(), LastHeard = reader.OptionalTime(), FiredAt = reader.OptionalTime() };
        return reader.Version == Format && reader.Succeeded ? series : null;
    }
}
