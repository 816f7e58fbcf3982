using System.Runtime.InteropServices;

namespace IotService.Storage.Sqlite;

/// <summary>
/// Lowers the scheduling priority of the calling thread (Linux: nice 10 for that thread alone). For bulk work that may
/// take a core for hundreds of milliseconds, such as a history batch of 200,000 rows: on a 2-core machine, at normal
/// priority it left the MQTT acknowledgements one core to share with the load and stretched their tail every time.
/// .NET's <see cref="Thread.Priority"/> does nothing on Linux, hence the system call.
/// </summary>
internal static partial class BackgroundPriority
{
    private const int PrioProcess = 0;
    private const int Nice = 10;

    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Best effort: a thread that keeps normal priority is slower to others, never wrong.
        _ = SetPriority(PrioProcess, GetThreadId(), Nice);
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
