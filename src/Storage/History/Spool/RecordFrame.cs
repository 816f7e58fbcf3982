using System.Buffers.Binary;

namespace IotService.Storage.History.Spool;

/// <summary>
/// One record on disk: <c>crc32c:u32 | length:u32 | appendedAtUnixMs:i64 | payload[length]</c>,
/// little-endian. The CRC covers everything after itself, so a torn write or a garbled length
/// is caught as surely as a garbled payload.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 16;

    /// <summary>Far above any real batch; a larger length read back means a corrupt header.</summary>
    public const int MaxPayloadBytes = 64 << 20;

    /// <summary>Fills in length, time and CRC of a frame whose payload is already in place after the header.</summary>
    public static void Seal(Span<byte> frame, int payloadLength, long appendedAtUnixMs)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], (uint)payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(frame[8..], appendedAtUnixMs);
        BinaryPrimitives.WriteUInt32LittleEndian(frame, Crc32C.Compute(frame[4..(HeaderSize + payloadLength)]));
    }

    /// <summary>Reads the payload length from a header; false when it cannot be a real record (zeros from a crash, garbage).</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> header, out int payloadLength)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        payloadLength = (int)Math.Min(length, int.MaxValue);
        return length is > 0 and <= MaxPayloadBytes;
    }

    public static long AppendedAt(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt64LittleEndian(header[8..]);

    public static bool IsIntact(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        var crc = Crc32C.Append(Crc32C.Append(uint.MaxValue, header[4..HeaderSize]), payload);
        return ~crc == BinaryPrimitives.ReadUInt32LittleEndian(header);
    }
}
