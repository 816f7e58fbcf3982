namespace IotService.Storage.GrainState;

/// <summary>
/// Runs an initialisation (schema creation) once for all callers. A failed attempt is not cached,
/// so a transient error at start-up (disk briefly unavailable) heals on the next call.
/// </summary>
internal sealed class AsyncOnce(Func<Task> initialize)
{
    private readonly Lock _gate = new();
    private Task? _task;

    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        var task = Volatile.Read(ref _task);
        if (task is { IsCompletedSuccessfully: true })
        {
            return task;
        }

        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                _task = initialize();
            }

            return _task.WaitAsync(cancellationToken);
        }
    }
}
