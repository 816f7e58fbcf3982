using IotService.Storage.History;

namespace IotService.TestSupport.History;

/// <summary>
/// An in-memory, idempotent history store that can be switched off (outage) and can refuse
/// batches holding a poison point. Records every accepted point in arrival order.
/// </summary>
public sealed class FakeHistoryStore : IHistoryStore
{
    public const string DownMessage = "store down (test)";

    private readonly Lock _lock = new();
    private readonly List<HistoryPoint> _received = [];
    private readonly List<int> _writeSizes = [];
    private readonly Dictionary<(string Device, string Property, DateTimeOffset Timestamp), double> _state = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private bool _available = true;

    public bool Available
    {
        get { lock (_lock) { return _available; } }
        set { lock (_lock) { _available = value; } }
    }

    /// <summary>What a write throws while the store is not <see cref="Available"/>.</summary>
    public Func<Exception> Outage { get; init; } = () => new HistoryStoreUnavailableException(DownMessage);

    /// <summary>Batches holding a point this matches are rejected for good.</summary>
    public Func<HistoryPoint, bool>? IsPoison { get; init; }

    public List<HistoryPoint> Received { get { lock (_lock) { return [.. _received]; } } }

    /// <summary>Points per accepted write call.</summary>
    public List<int> WriteSizes { get { lock (_lock) { return [.. _writeSizes]; } } }

    public Dictionary<(string Device, string Property, DateTimeOffset Timestamp), double> State
    {
        get { lock (_lock) { return new(_state); } }
    }

    public Task WriteAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_available)
            {
                throw Outage();
            }

            if (IsPoison is { } isPoison && points.Any(isPoison))
            {
                throw new HistoryWriteRejectedException("poison (test)");
            }

            _writeSizes.Add(points.Count);
            foreach (var point in points)
            {
                _received.Add(point);
                foreach (var value in point.Values)
                {
                    _state[(point.DeviceId, value.Property, point.Timestamp)] = value.Value;
                }
            }

            _waiters.RemoveAll(w => w.Count <= _received.Count && w.Signal.TrySetResult());
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes once at least <paramref name="count"/> points have been accepted in total.</summary>
    public Task WhenReceived(int count)
    {
        lock (_lock)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TestTimeout.Signal);
        }
    }

    public Task<IReadOnlyList<RawPoint>> QueryRawAsync(HistoryQuery query, CancellationToken cancellationToken)
        => throw new NotSupportedException();

    public Task<IReadOnlyList<AggregatePoint>> QueryAggregateAsync(HistoryQuery query, TimeSpan interval, CancellationToken cancellationToken)
        => throw new NotSupportedException();
}
