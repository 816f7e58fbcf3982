using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace IotService.Storage.History.Spool;

/// <summary>
/// Encodes a batch of points as one record payload: a table of the distinct strings (device,
/// model, customer and property names repeat on nearly every point), then the points as indexes
/// into it. Layout (varints are LEB128):
/// <c>version:u8 | names:varint × (utf8Length:varint, utf8) | points:varint ×
/// (device:varint, model:varint, customer+1:varint (0 = none), unixMs:i64, values:varint × (name:varint, value:f64))</c>.
/// </summary>
internal static class HistoryBatchEncoder
{
    public const byte Version = 1;

    // Per thread so that concurrent appenders encode in parallel without allocating a table each time.
    [ThreadStatic]
    private static Dictionary<string, int>? _names;

    [ThreadStatic]
    private static List<string>? _order;

    /// <summary>A pooled buffer holding the whole framed record; return it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static byte[] EncodeFrame(IReadOnlyList<HistoryPoint> batch, long appendedAtUnixMs, out int frameLength)
    {
        var names = _names ??= new(StringComparer.Ordinal);
        var order = _order ??= [];
        try
        {
            var payloadLength = Measure(batch, names, order);
            if (payloadLength > RecordFrame.MaxPayloadBytes)
            {
                throw new ArgumentException($"A batch of {payloadLength} bytes is larger than one spool record may be.", nameof(batch));
            }

            frameLength = RecordFrame.HeaderSize + payloadLength;
            var buffer = ArrayPool<byte>.Shared.Rent(frameLength);
            var written = Write(buffer.AsSpan(RecordFrame.HeaderSize, payloadLength), batch, names, order);
            if (written != payloadLength)
            {
                throw new InvalidOperationException("Spool record size was mis-measured.");
            }

            RecordFrame.Seal(buffer, payloadLength, appendedAtUnixMs);
            return buffer;
        }
        finally
        {
            names.Clear();
            order.Clear();
        }
    }

    private static int Measure(IReadOnlyList<HistoryPoint> batch, Dictionary<string, int> names, List<string> order)
    {
        var size = 1 + VarintSize((uint)batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var point = batch[i];
            size += Intern(point.DeviceId, names, order) + Intern(point.ModelId, names, order) + sizeof(long);
            size += point.CustomerId is null ? 1 : VarintSize((uint)InternIndex(point.CustomerId, names, order) + 1);
            size += VarintSize((uint)point.Values.Length);
            foreach (var value in point.Values)
            {
                size += Intern(value.Property, names, order) + sizeof(double);
            }
        }

        size += VarintSize((uint)order.Count);
        foreach (var name in order)
        {
            var bytes = Encoding.UTF8.GetByteCount(name);
            size += VarintSize((uint)bytes) + bytes;
        }

        return size;
    }

    private static int Write(Span<byte> span, IReadOnlyList<HistoryPoint> batch, Dictionary<string, int> names, List<string> order)
    {
        var pos = 0;
        span[pos++] = Version;
        WriteVarint(span, ref pos, (uint)order.Count);
        foreach (var name in order)
        {
            WriteVarint(span, ref pos, (uint)Encoding.UTF8.GetByteCount(name));
            pos += Encoding.UTF8.GetBytes(name, span[pos..]);
        }

        WriteVarint(span, ref pos, (uint)batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var point = batch[i];
            WriteVarint(span, ref pos, (uint)names[point.DeviceId]);
            WriteVarint(span, ref pos, (uint)names[point.ModelId]);
            WriteVarint(span, ref pos, point.CustomerId is null ? 0u : (uint)names[point.CustomerId] + 1);
            BinaryPrimitives.WriteInt64LittleEndian(span[pos..], point.Timestamp.ToUnixTimeMilliseconds());
            pos += sizeof(long);
            WriteVarint(span, ref pos, (uint)point.Values.Length);
            foreach (var value in point.Values)
            {
                WriteVarint(span, ref pos, (uint)names[value.Property]);
                BinaryPrimitives.WriteDoubleLittleEndian(span[pos..], value.Value);
                pos += sizeof(double);
            }
        }

        return pos;
    }

    /// <summary>Interns a name and returns the size of its index varint.</summary>
    private static int Intern(string name, Dictionary<string, int> names, List<string> order)
        => VarintSize((uint)InternIndex(name, names, order));

    private static int InternIndex(string name, Dictionary<string, int> names, List<string> order)
    {
        if (!names.TryGetValue(name, out var index))
        {
            index = order.Count;
            names.Add(name, index);
            order.Add(name);
        }

        return index;
    }

    private static int VarintSize(uint value) => value < 1u << 7 ? 1 : value < 1u << 14 ? 2 : value < 1u << 21 ? 3 : value < 1u << 28 ? 4 : 5;

    private static void WriteVarint(Span<byte> span, ref int pos, uint value)
    {
        while (value >= 0x80)
        {
            span[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[pos++] = (byte)value;
    }
}
