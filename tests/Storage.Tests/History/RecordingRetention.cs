using System.Threading.Channels;
using IotService.Storage.History;

namespace IotService.Storage.Tests.History;

/// <summary>Counts retention runs and signals each one; the runs listed in <c>failing</c> throw.</summary>
internal sealed class RecordingRetention(params int[] failing) : IHistoryRetention
{
    private readonly Channel<int> _runs = Channel.CreateUnbounded<int>();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var run = Interlocked.Increment(ref _count);
        _runs.Writer.TryWrite(run);
        return failing.Contains(run) ? Task.FromException(new InvalidOperationException($"run {run} fails")) : Task.CompletedTask;
    }

    /// <summary>The number of the next run once it has started.</summary>
    public async Task<int> NextRunAsync() => await _runs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
