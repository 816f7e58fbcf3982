using Microsoft.Extensions.Logging;

namespace IotService.Storage.History.Spool;

/// <summary>
/// Brings a spool folder back to a consistent state after any stop, clean or not: segments
/// behind the checkpoint are deleted, the rest are checked record by record from the checkpoint
/// on, and whatever follows the last intact record of a segment (a write torn by a crash, which
/// was never acknowledged) is cut off.
/// </summary>
internal static partial class SpoolRecovery
{
    public static RecoveredSpool Recover(string directory, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(directory);
        var checkpoint = CheckpointFile.Read(directory) ?? new SpoolPosition(0, 0);
        var segments = new List<(long, long)>();
        long pending = 0;
        long truncated = 0;
        var ages = new List<(SpoolPosition, long)>();
        var all = SegmentFile.List(directory);
        foreach (var sequence in all)
        {
            var path = SegmentFile.PathOf(directory, sequence);
            if (sequence < checkpoint.Segment)
            {
                File.Delete(path);
                continue;
            }

            using var cursor = SegmentCursor.TryOpen(directory, sequence);
            if (cursor is null)
            {
                continue;
            }

            var fileLength = cursor.FileLength;
            if (!cursor.HasValidHeader())
            {
                cursor.Dispose();
                SetAside(directory, path, fileLength, logger);
                continue;
            }

            // Records before the checkpoint were forwarded already; only those after it matter.
            cursor.Position = sequence == checkpoint.Segment ? Math.Clamp(checkpoint.Offset, SegmentFile.HeaderSize, fileLength) : SegmentFile.HeaderSize;
            long? firstAppendedAt = null;
            while (true)
            {
                var start = cursor.Position;
                var status = cursor.TryRead(fileLength, out _, out var appendedAt);
                if (status == FrameStatus.Read)
                {
                    pending++;
                    firstAppendedAt ??= appendedAt;
                }
                else if (status == FrameStatus.Corrupt && cursor.FindNextIntact(start, fileLength) is { } next)
                {
                    // Damage inside durable data: keep the records after it; the forwarder sets the bad one aside.
                    LogDamaged(logger, Path.GetFileName(path), start);
                    cursor.Position = next;
                }
                else
                {
                    break;
                }
            }

            if (cursor.Position < fileLength)
            {
                cursor.Dispose();
                Truncate(path, cursor.Position);
                truncated += fileLength - cursor.Position;
                LogTruncated(logger, Path.GetFileName(path), cursor.Position, fileLength - cursor.Position);
            }

            segments.Add((sequence, cursor.Position));
            if (firstAppendedAt is { } first)
            {
                ages.Add((new SpoolPosition(sequence, cursor.Position), first));
            }
        }

        var last = Math.Max(checkpoint.Segment, all.Count > 0 ? all[^1] : 0);
        return new RecoveredSpool(segments, checkpoint, pending, ages, truncated, last);
    }

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>A file too short for a header was cut off while being created; anything else unreadable is kept for a human.</summary>
    private static void SetAside(string directory, string path, long length, ILogger logger)
    {
        if (length <= SegmentFile.HeaderSize)
        {
            File.Delete(path);
            return;
        }

        var aside = Path.Combine(DeadLetterFile.FolderOf(directory), Path.GetFileName(path) + ".corrupt");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
        File.Move(path, aside, overwrite: true);
        LogSetAside(logger, Path.GetFileName(path), aside);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool segment {Segment}: cut off {Bytes} bytes after offset {Offset} (a write torn by a crash, never acknowledged)")]
    private static partial void LogTruncated(ILogger logger, string segment, long offset, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool segment {Segment}: the record at offset {Offset} is damaged but records after it are intact; it will be set aside")]
    private static partial void LogDamaged(ILogger logger, string segment, long offset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool segment {Segment} has no valid header; moved to {Path}")]
    private static partial void LogSetAside(ILogger logger, string segment, string path);
}
