using System.Runtime.InteropServices;

namespace IotService.Storage.Threading;

/// <summary>
/// Runs a blocking loop on a thread of its own and reports its end as a task. For the loops that must not sit on the
/// thread pool: a spool fsync or a SQLite commit blocks its thread, and on a 2-core machine a pool thread held that
/// long delays every MQTT acknowledgement queued behind it.
/// </summary>
internal static class DedicatedThread
{
    private const int PrioProcess = 0;
    private const int BackgroundNice = 10;

    /// <param name="name">The thread's name, as debuggers and traces show it.</param>
    /// <param name="loop">Runs until its work is done; what it throws faults the task.</param>
    /// <param name="background">
    /// Bulk work nobody waits on at once (history batches of 200,000 rows): Linux nice 10 for this thread alone, so the
    /// acknowledgements keep their core. .NET's <see cref="Thread.Priority"/> does nothing on Linux, hence the system call.
    /// </param>
    /// <returns>Completes when the loop returns.</returns>
    public static Task Start(string name, Action loop, bool background = false)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                if (background && OperatingSystem.IsLinux())
                {
                    // Best effort: a thread that keeps normal priority is slower to others, never wrong.
                    _ = SetPriority(PrioProcess, GetThreadId(), BackgroundNice);
                }

                loop();
                ended.TrySetResult();
            }
            catch (Exception exception)
            {
                ended.TrySetException(exception);
            }
        }) { IsBackground = true, Name = name }.Start();
        return ended.Task;
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
