using System.Buffers;
using System.Buffers.Binary;

namespace IotService.Rules.Kinds;

/// <summary>
/// Writes a rule state's checkpoint: a format version, then fixed-width little-endian fields. Times are stored as
/// UTC ticks, so a restored time is the same instant (its offset becomes zero).
/// </summary>
public sealed class CheckpointWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(32);

    public CheckpointWriter(byte version) => _buffer.Write([version]);

    public CheckpointWriter Flag(bool value)
    {
        _buffer.Write([value ? (byte)1 : (byte)0]);
        return this;
    }

    public CheckpointWriter Number(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(sizeof(double)), value);
        _buffer.Advance(sizeof(double));
        return this;
    }

    public CheckpointWriter Time(DateTimeOffset value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(sizeof(long)), value.UtcTicks);
        _buffer.Advance(sizeof(long));
        return this;
    }

    /// <summary>A fixed-length run of single-precision numbers (learned profiles, windows); the reader knows the length.</summary>
    public CheckpointWriter Numbers(ReadOnlySpan<float> values)
    {
        var span = _buffer.GetSpan(values.Length * sizeof(float));
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[(i * sizeof(float))..], values[i]);
        }

        _buffer.Advance(values.Length * sizeof(float));
        return this;
    }

    /// <summary>Another state's checkpoint inside this one, length first (a rule made of parts keeps each part's own format).</summary>
    public CheckpointWriter Nested(ReadOnlySpan<byte> checkpoint)
    {
        Whole(checkpoint.Length);
        _buffer.Write(checkpoint);
        return this;
    }

    public CheckpointWriter Whole(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(sizeof(long)), value);
        _buffer.Advance(sizeof(long));
        return this;
    }

    public CheckpointWriter Time(DateTimeOffset? value) => value is { } time ? Flag(true).Time(time) : Flag(false);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
