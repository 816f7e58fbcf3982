namespace IotService.Storage.History.Spool;

/// <summary>
/// "Something changed, look again": take <see cref="Next"/> before checking a condition, then
/// await it if the condition is not met; every <see cref="Set"/> after the take wakes it.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Set()
        => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
