namespace IotService.Storage.History.Spool;

/// <summary>Totals and forwarding health for <see cref="SpoolStats"/>; lock-free, safe from any thread.</summary>
internal sealed class SpoolCounters
{
    private long _dropped;
    private long _deadLetters;
    private long _fsyncs;
    private volatile ForwardHealth _health = new(null, true);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    public long Fsyncs => Interlocked.Read(ref _fsyncs);

    public string? LastForwardError => _health.Error;

    public bool StoreReachable => _health.Reachable;

    public void Drop(int readings) => Interlocked.Add(ref _dropped, readings);

    public void Fsynced() => Interlocked.Increment(ref _fsyncs);

    public void ForwardSucceeded(int deadLetters)
    {
        Interlocked.Add(ref _deadLetters, deadLetters);
        _health = new ForwardHealth(null, true);
    }

    public void ForwardFailed(string error) => _health = new ForwardHealth(error, false);

    // One reference so that readers never see the error of one attempt with the reachability of another.
    private sealed record ForwardHealth(string? Error, bool Reachable);
}
