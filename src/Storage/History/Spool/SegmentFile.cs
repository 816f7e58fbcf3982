using System.Buffers.Binary;
using System.Globalization;

namespace IotService.Storage.History.Spool;

/// <summary>
/// Segment files are <c>{sequence:D12}.seg</c>: an 8-byte header (magic <c>ISPL</c>, format
/// version) followed by records (<see cref="RecordFrame"/>). Sequences only grow, so file-name
/// order is spool order.
/// </summary>
internal static class SegmentFile
{
    public const int HeaderSize = 8;
    public const string Extension = ".seg";
    private const uint Magic = 0x4C505349; // "ISPL" read little-endian
    private const ushort FormatVersion = 1;

    public static string PathOf(string directory, long sequence)
        => Path.Combine(directory, sequence.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    public static bool TryParseSequence(string path, out long sequence)
    {
        sequence = 0;
        var name = Path.GetFileName(path);
        return name.Length == 12 + Extension.Length
            && name.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(0, 12), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>The segments in a folder, oldest first.</summary>
    public static List<long> List(string directory)
    {
        var sequences = new List<long>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (TryParseSequence(path, out var sequence))
            {
                sequences.Add(sequence);
            }
        }

        sequences.Sort();
        return sequences;
    }

    public static void WriteHeader(Span<byte> header)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 0);
    }

    public static bool IsValidHeader(ReadOnlySpan<byte> header)
        => header.Length >= HeaderSize
            && BinaryPrimitives.ReadUInt32LittleEndian(header) == Magic
            && BinaryPrimitives.ReadUInt16LittleEndian(header[4..]) == FormatVersion;

    /// <summary>Opens a segment for reading while the writer may still append to it or the forwarder delete it.</summary>
    public static FileStream OpenRead(string path)
        => new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 64 * 1024);
}
