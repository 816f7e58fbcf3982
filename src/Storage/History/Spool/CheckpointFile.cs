using System.Buffers.Binary;

namespace IotService.Storage.History.Spool;

/// <summary>
/// Where forwarding resumes: <c>magic:u32 | segment:i64 | offset:i64 | crc32c:u32</c> in
/// <c>checkpoint</c>, replaced atomically (temp file, fsync, rename, fsync folder) so a crash
/// leaves either the old checkpoint or the new one, never a mix.
/// </summary>
internal static class CheckpointFile
{
    private const string FileName = "checkpoint";
    private const string TempName = "checkpoint.tmp";
    private const uint Magic = 0x50434953; // "SICP"
    private const int Size = 24;

    /// <summary>The saved position, or null when there is none or it is unreadable (then everything is replayed).</summary>
    public static SpoolPosition? Read(string directory)
    {
        File.Delete(Path.Combine(directory, TempName));
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != Size
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20)) != Crc32C.Compute(bytes.AsSpan(0, 20)))
        {
            return null;
        }

        return new SpoolPosition(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(4)), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12)));
    }

    public static void Write(string directory, SpoolPosition position)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[4..], position.Segment);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[12..], position.Offset);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[20..], Crc32C.Compute(bytes[..20]));

        var temp = Path.Combine(directory, TempName);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(directory, FileName), overwrite: true);
        FolderEntries.Flush(directory);
    }
}
