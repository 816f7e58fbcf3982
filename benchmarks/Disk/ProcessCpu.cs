using System.Diagnostics;

namespace IotService.Benchmarks.Disk;

/// <summary>
/// CPU time a process has used so far, user and system, all threads (.NET reads Linux's <c>/proc/&lt;pid&gt;/stat</c>):
/// the difference over a window at a fixed offered rate is what the server spends per message, whatever the load
/// generator and other work on the same cores take.
/// </summary>
public static class ProcessCpu
{
    /// <summary>Seconds of CPU <paramref name="pid"/> has used, or null when it cannot be read (no such process).</summary>
    public static double? Seconds(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
