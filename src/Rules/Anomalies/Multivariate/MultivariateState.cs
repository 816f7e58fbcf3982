using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// One device's state for a multivariate rule: the latest value of each property (in <see cref="Layout"/> order)
/// with its reading time, and the raise/clear streaks. Checkpointed with the device; the checkpoint names its
/// layout by a hash of the property names, so a detector retrained on other properties starts afresh.
/// </summary>
public sealed class MultivariateState : IRuleState
{
    private const byte Format = 1;

    internal MultivariateState(IReadOnlyList<string> layout)
    {
        Layout = layout;
        Values = new double[layout.Count];
        Stamps = new long[layout.Count];
    }

    /// <summary>The properties <see cref="Values"/> follow: the detector's, or an earlier detector's until adapted.</summary>
    internal IReadOnlyList<string> Layout { get; set; }

    internal double[] Values { get; set; }

    /// <summary>UTC ticks of each value's reading; 0: none yet.</summary>
    internal long[] Stamps { get; set; }

    /// <summary>A value arrived since the last score, so the next batch end scores.</summary>
    internal bool Fresh { get; set; }

    internal int Above { get; set; }

    internal int Below { get; set; }

    internal bool Firing { get; set; }

    /// <summary>Timestamp of the first row of the current run above the raise level.</summary>
    internal DateTimeOffset? PendingSince { get; set; }

    internal DateTimeOffset? DeviatingSince { get; set; }

    public double LastScore { get; internal set; } = double.NaN;

    public byte[] Checkpoint()
    {
        var writer = new CheckpointWriter(Format).Number(LayoutHash(Layout)).Number(Values.Length);
        for (var j = 0; j < Values.Length; j++)
        {
            writer.Number(Values[j]).Time(Stamps[j] == 0 ? (DateTimeOffset?)null : new DateTimeOffset(Stamps[j], TimeSpan.Zero));
        }

        return writer.Flag(Fresh).Number(Above).Number(Below).Flag(Firing).Time(PendingSince).Time(DeviatingSince).Number(LastScore).ToArray();
    }

    /// <summary>The state <see cref="Checkpoint"/> wrote for <paramref name="layout"/>; null for another layout, format or damage.</summary>
    public static MultivariateState? Read(ReadOnlySpan<byte> checkpoint, IReadOnlyList<string> layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var reader = new CheckpointReader(checkpoint);
        if (reader.Number() != LayoutHash(layout) || reader.Number() != layout.Count)
        {
            return null;
        }

        var state = new MultivariateState(layout);
        for (var j = 0; j < layout.Count; j++)
        {
            state.Values[j] = reader.Number();
            state.Stamps[j] = reader.OptionalTime()?.UtcTicks ?? 0;
        }

        state.Fresh = reader.Flag();
        state.Above = Count(reader.Number());
        state.Below = Count(reader.Number());
        state.Firing = reader.Flag();
        state.PendingSince = reader.OptionalTime();
        state.DeviatingSince = reader.OptionalTime();
        state.LastScore = reader.Number();
        return reader.Version == Format && reader.Succeeded && state.Above >= 0 && state.Below >= 0 ? state : null;
    }

    /// <summary>Carries the values over to another detector's layout, by property name.</summary>
    internal void Adapt(IReadOnlyList<string> layout)
    {
        var (values, stamps) = (new double[layout.Count], new long[layout.Count]);
        for (var j = 0; j < layout.Count; j++)
        {
            for (var old = 0; old < Layout.Count; old++)
            {
                if (string.Equals(Layout[old], layout[j], StringComparison.Ordinal))
                {
                    (values[j], stamps[j]) = (Values[old], Stamps[old]);
                }
            }
        }

        (Layout, Values, Stamps) = (layout, values, stamps);
    }

    private static int Count(double value) => value is >= 0 and <= int.MaxValue ? (int)value : -1;

    // FNV-1a over the names: 32 bits, so a double holds it exactly.
    private static double LayoutHash(IReadOnlyList<string> layout)
    {
        var hash = 2166136261u;
        foreach (var name in layout)
        {
            foreach (var c in name + "\n")
            {
                hash = (hash ^ c) * 16777619u;
            }
        }

        return hash;
    }
}
