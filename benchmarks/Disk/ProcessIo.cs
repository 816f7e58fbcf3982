using System.Globalization;

namespace IotService.Benchmarks.Disk;

/// <summary>
/// Bytes a process has caused to be written to storage, from Linux's <c>/proc/&lt;pid&gt;/io</c> (<c>write_bytes</c>):
/// counted when a page is dirtied, so WAL appends, checkpoints and page rewrites all count, while bytes written to
/// the page cache and overwritten before writeback count once. A process's threads are included.
/// </summary>
public static class ProcessIo
{
    /// <summary><c>write_bytes</c> of <paramref name="pid"/>, or null when it cannot be read (no such process, not Linux).</summary>
    public static long? WriteBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/io"))
            {
                if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan("write_bytes:".Length).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process is gone or not ours: the figure is simply not reported.
        }

        return null;
    }

    /// <summary>Bytes per message between two readings, or null when either is missing or nothing was acknowledged.</summary>
    public static double? PerMessage(long? before, long? after, long messages)
        => before is { } b && after is { } a && messages > 0 ? (double)(a - b) / messages : null;
}
