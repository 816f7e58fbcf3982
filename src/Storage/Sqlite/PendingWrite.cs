using System.Data.Common;

namespace IotService.Storage.Sqlite;

/// <summary>One write waiting in <see cref="GroupCommitWriter"/>; completes only after its transaction commits.</summary>
internal sealed class PendingWrite(Func<DbConnection, DbTransaction, int> work, CancellationToken cancellationToken)
{
    // Continuations must not run on the writer loop, or one slow caller would stall every commit.
    private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _result;

    public Task<int> Task => _completion.Task;

    /// <summary>Drops the write if its caller gave up before it reached the database.</summary>
    public bool TryCancel() =>
        cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

    public void Execute(DbConnection connection, DbTransaction transaction) =>
        _result = work(connection, transaction);

    public void Complete() => _completion.TrySetResult(_result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
