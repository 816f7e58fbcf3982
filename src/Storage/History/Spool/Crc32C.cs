using System.Buffers.Binary;
using System.Numerics;

namespace IotService.Storage.History.Spool;

/// <summary>
/// CRC-32C (Castagnoli) over <see cref="BitOperations.Crc32C(uint, ulong)"/>, which uses the
/// CPU's CRC instruction where there is one; no package needed.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(uint.MaxValue, data);

    /// <summary>Continues a running (not yet inverted) CRC over more bytes.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
