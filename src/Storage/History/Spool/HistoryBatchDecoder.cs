using System.Buffers.Binary;
using System.Text;
using IotService.Contracts.Telemetry;

namespace IotService.Storage.History.Spool;

/// <summary>Reads a payload written by <see cref="HistoryBatchEncoder"/>; any inconsistency is an <see cref="InvalidDataException"/>.</summary>
internal static class HistoryBatchDecoder
{
    public static HistoryPoint[] Decode(ReadOnlySpan<byte> payload)
    {
        var pos = 0;
        if (payload.IsEmpty || payload[pos++] != HistoryBatchEncoder.Version)
        {
            throw new InvalidDataException("Unknown spool record version.");
        }

        // Every name and point takes at least one byte, which bounds the counts before allocating.
        var names = new string[ReadCount(payload, ref pos)];
        for (var i = 0; i < names.Length; i++)
        {
            var length = ReadCount(payload, ref pos);
            names[i] = Encoding.UTF8.GetString(payload.Slice(pos, length));
            pos += length;
        }

        var points = new HistoryPoint[ReadCount(payload, ref pos)];
        for (var i = 0; i < points.Length; i++)
        {
            var device = Name(names, ReadVarint(payload, ref pos));
            var model = Name(names, ReadVarint(payload, ref pos));
            var customerIndex = ReadVarint(payload, ref pos);
            var customer = customerIndex == 0 ? null : Name(names, customerIndex - 1);
            var unixMs = BinaryPrimitives.ReadInt64LittleEndian(Take(payload, ref pos, sizeof(long)));
            if (unixMs < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || unixMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                throw new InvalidDataException("Spool record timestamp out of range.");
            }

            var values = new PropertyReading[ReadCount(payload, ref pos)];
            for (var v = 0; v < values.Length; v++)
            {
                var property = Name(names, ReadVarint(payload, ref pos));
                values[v] = new PropertyReading(property, BinaryPrimitives.ReadDoubleLittleEndian(Take(payload, ref pos, sizeof(double))));
            }

            points[i] = new HistoryPoint(device, model, customer, DateTimeOffset.FromUnixTimeMilliseconds(unixMs), values);
        }

        if (pos != payload.Length)
        {
            throw new InvalidDataException("Spool record has trailing bytes.");
        }

        return points;
    }

    private static string Name(string[] names, uint index)
        => index < names.Length ? names[index] : throw new InvalidDataException("Spool record refers to a missing name.");

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> payload, ref int pos, int length)
    {
        if (length > payload.Length - pos)
        {
            throw new InvalidDataException("Spool record is shorter than its contents.");
        }

        var slice = payload.Slice(pos, length);
        pos += length;
        return slice;
    }

    private static int ReadCount(ReadOnlySpan<byte> payload, ref int pos)
    {
        var count = ReadVarint(payload, ref pos);
        return count <= (uint)(payload.Length - pos) ? (int)count : throw new InvalidDataException("Spool record count exceeds its size.");
    }

    private static uint ReadVarint(ReadOnlySpan<byte> payload, ref int pos)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(payload, ref pos, 1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Spool record has an overlong number.");
    }
}
