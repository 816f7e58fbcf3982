using System.Buffers.Binary;

namespace IotService.Rules.Kinds;

/// <summary>
/// Reads what <see cref="CheckpointWriter"/> wrote. A short or malformed checkpoint does not throw: reads past it
/// give defaults and <see cref="Succeeded"/> turns false, so a kind answers "not mine" and the rule starts afresh.
/// </summary>
public ref struct CheckpointReader
{
    private ReadOnlySpan<byte> _rest;
    private bool _failed;

    public CheckpointReader(ReadOnlySpan<byte> checkpoint)
    {
        _failed = checkpoint.IsEmpty;
        Version = _failed ? (byte)0 : checkpoint[0];
        _rest = _failed ? default : checkpoint[1..];
    }

    public byte Version { get; }

    /// <summary>True when every read found its bytes and nothing is left over.</summary>
    public readonly bool Succeeded => !_failed && _rest.IsEmpty;

    public bool Flag() => Take(1) is { Length: 1 } b && b[0] switch
    {
        0 => false,
        1 => true,
        _ => Fail(),
    };

    public double Number() => Take(sizeof(double)) is { Length: sizeof(double) } b ? BinaryPrimitives.ReadDoubleLittleEndian(b) : 0;

    /// <summary>Fills <paramref name="into"/> with as many single-precision numbers as it holds; zeros (and failure) when short.</summary>
    public void Numbers(Span<float> into)
    {
        var bytes = Take(into.Length * sizeof(float));
        if (bytes.Length != into.Length * sizeof(float))
        {
            into.Clear();
            return;
        }

        for (var i = 0; i < into.Length; i++)
        {
            into[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
    }

    /// <summary>What <see cref="CheckpointWriter.Nested"/> wrote; empty (and failure) when short.</summary>
    public ReadOnlySpan<byte> Nested()
    {
        var length = Whole();
        return length is >= 0 and <= int.MaxValue ? Take((int)length) : Take(int.MaxValue);
    }

    public long Whole() => Take(sizeof(long)) is { Length: sizeof(long) } b ? BinaryPrimitives.ReadInt64LittleEndian(b) : 0;

    public DateTimeOffset Time()
    {
        var ticks = Take(sizeof(long)) is { Length: sizeof(long) } b ? BinaryPrimitives.ReadInt64LittleEndian(b) : 0;
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            Fail();
            return default;
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public DateTimeOffset? OptionalTime() => Flag() ? Time() : null;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_failed || _rest.Length < count)
        {
            _failed = true;
            return default;
        }

        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }

    private bool Fail()
    {
        _failed = true;
        return false;
    }
}
