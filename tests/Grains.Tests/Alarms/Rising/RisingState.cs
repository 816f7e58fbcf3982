using IotService.Rules.Kinds;

namespace IotService.Grains.Tests.Alarms.Rising;

internal sealed class RisingState : IRuleState
{
    public double? Last { get; set; }

    public int Rises { get; set; }

    public bool Firing { get; set; }

    public byte[] Checkpoint() => new CheckpointWriter(1).Flag(Last is not null).Number(Last ?? 0).Number(Rises).Flag(Firing).ToArray();

    public static RisingState? Read(ReadOnlySpan<byte> checkpoint)
    {
        var reader = new CheckpointReader(checkpoint);
        var (hasLast, last, rises, firing) = (reader.Flag(), reader.Number(), reader.Number(), reader.Flag());
        return reader.Version == 1 && reader.Succeeded ? new RisingState { Last = hasLast ? last : null, Rises = (int)rises, Firing = firing } : null;
    }
}
