namespace IotService.Ingest.Diagnostics;

/// <summary>
/// At most one log line per slot (a reason, a level) per interval, and how many were held back in
/// between, so that whoever sends bad input cannot flood the log or slow the hot path down. Lock-free.
/// </summary>
public sealed class LogThrottle(int slots, Func<TimeSpan> interval, TimeProvider time)
{
    private readonly long[] _nextAllowed = new long[slots];
    private readonly long[] _suppressed = new long[slots];

    /// <summary>Whether a line for <paramref name="slot"/> may be written now; if so, how many were not since the last one.</summary>
    public bool TryEnter(int slot, out long suppressed)
    {
        var now = time.GetTimestamp();
        var next = Volatile.Read(ref _nextAllowed[slot]);
        var ticks = (long)(interval().TotalSeconds * time.TimestampFrequency);
        if (now < next || Interlocked.CompareExchange(ref _nextAllowed[slot], now + ticks, next) != next)
        {
            Interlocked.Increment(ref _suppressed[slot]);
            suppressed = 0;
            return false;
        }

        suppressed = Interlocked.Exchange(ref _suppressed[slot], 0);
        return true;
    }
}
