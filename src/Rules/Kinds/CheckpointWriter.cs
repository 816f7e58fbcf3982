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

    public CheckpointWriter Time(DateTimeOffset? value) => value is { } time ? Flag(true).Time(time) : Flag(false);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
