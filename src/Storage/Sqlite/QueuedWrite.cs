namespace IotService.Storage.Sqlite;

/// <summary>One write waiting in <see cref="GroupCommit{TSession}"/>, and its caller's completion, which fires only after the commit.</summary>
internal sealed class QueuedWrite<TSession>(Func<TSession, long> work, int weight, CancellationToken cancellationToken)
{
    // Asynchronous continuations: callers must not run on, and hold up, the writer loop.
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _result;

    /// <summary>Roughly how many rows the work touches; bounds the size of one transaction.</summary>
    public int Weight { get; } = weight;

    public Task<long> Completion => _completion.Task;

    /// <summary>Drops the write if its caller gave up before the writer reached it.</summary>
    public bool TryCancel() => cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

    /// <summary>Runs the work in the open transaction; it may run again alone if its group is rolled back.</summary>
    public void Execute(TSession session) => _result = work(session);

    public void Complete() => _completion.TrySetResult(_result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
