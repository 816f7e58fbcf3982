namespace IotService.Dashboard.Demo;

/// <summary>What the simulator has done so far; thread-safe, read with <see cref="Snapshot"/>.</summary>
public sealed class DemoStats
{
    private int _devices;
    private int _connected;
    private int _inFlight;
    private long _connects;
    private long _connectFailures;
    private long _published;
    private long _rejected;
    private long _publishFailures;
    private string? _lastError;

    public int InFlight => Volatile.Read(ref _inFlight);

    public DemoStatsSnapshot Snapshot() => new(
        Volatile.Read(ref _devices),
        Volatile.Read(ref _connected),
        Interlocked.Read(ref _connects),
        Interlocked.Read(ref _connectFailures),
        Interlocked.Read(ref _published),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _publishFailures),
        Volatile.Read(ref _inFlight),
        Volatile.Read(ref _lastError));

    internal void SetDevices(int count) => Volatile.Write(ref _devices, count);

    internal void OnConnected()
    {
        Interlocked.Increment(ref _connects);
        Interlocked.Increment(ref _connected);
    }

    internal void OnDisconnected() => Interlocked.Decrement(ref _connected);

    /// <returns>The number of connect failures so far, this one included.</returns>
    internal long OnConnectFailed(string error)
    {
        Volatile.Write(ref _lastError, error);
        return Interlocked.Increment(ref _connectFailures);
    }

    internal void OnPublishStarted() => Interlocked.Increment(ref _inFlight);

    internal void OnPublished() => Interlocked.Increment(ref _published);

    internal void OnRejected(string error)
    {
        Volatile.Write(ref _lastError, error);
        Interlocked.Increment(ref _rejected);
    }

    internal void OnPublishFailed(string error)
    {
        Volatile.Write(ref _lastError, error);
        Interlocked.Increment(ref _publishFailures);
    }

    internal void OnPublishEnded() => Interlocked.Decrement(ref _inFlight);
}
