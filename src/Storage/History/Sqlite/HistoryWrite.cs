namespace IotService.Storage.History.Sqlite;

/// <summary>One queued unit of work for the writer connection and the caller waiting for its commit.</summary>
internal sealed class HistoryWrite(Func<HistoryWriteSession, long> work, int weight, CancellationToken cancellationToken)
{
    // Asynchronous continuations: callers must not run on, and hold up, the writer loop.
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _result;

    /// <summary>Roughly how many rows the work touches; bounds the size of one transaction.</summary>
    public int Weight { get; } = weight;

    /// <summary>Completes with the work's result once its transaction has committed.</summary>
    public Task<long> Completion => _completion.Task;

    /// <summary>Drops the write if its caller gave up before the writer reached it.</summary>
    public bool TryCancel() => cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

    /// <summary>Runs the work in the open transaction; may run again alone if its group is rolled back.</summary>
    public void Execute(HistoryWriteSession session) => _result = work(session);

    public void Complete() => _completion.TrySetResult(_result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
