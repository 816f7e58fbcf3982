namespace IotService.Ingest.Mqtt.Limits;

/// <summary>
/// A token bucket kept as one number per holder: the time at which the bucket would be full again if nothing more
/// were taken (the "theoretical arrival time" of the generic cell rate algorithm). Taking a token moves it one
/// interval later; a token is free while it lies less than <c>burst</c> intervals ahead of now. Lock-free (one
/// compare-exchange), so holders share nothing but the rate.
/// </summary>
public sealed class TokenBucket
{
    private readonly long _interval;
    private readonly long _tolerance;

    /// <param name="perSecond">Tokens per second, &gt; 0.</param>
    /// <param name="burst">Tokens that may be taken at once from a full bucket, ≥ 1.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in.</param>
    public TokenBucket(double perSecond, int burst, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _interval = Math.Max(1, (long)(timestampFrequency / perSecond));
        _tolerance = (burst - 1) * _interval;
    }

    /// <summary>Takes a token if one is free at <paramref name="now"/>.</summary>
    public bool TryTake(ref long state, long now)
    {
        while (true)
        {
            long seen = Volatile.Read(ref state);
            long basis = Math.Max(seen, now);
            if (basis - now > _tolerance)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref state, basis + _interval, seen) == seen)
            {
                return true;
            }
        }
    }

    /// <summary>Ticks from <paramref name="now"/> until a token is free (0: one is free now); takes nothing.</summary>
    public long UntilFree(ref long state, long now) => Math.Max(0, Volatile.Read(ref state) - _tolerance - now);

    /// <summary>Reserves the next token, free or not.</summary>
    /// <returns>Ticks from <paramref name="now"/> until the reserved token is free (0: at once).</returns>
    public long Reserve(ref long state, long now)
    {
        while (true)
        {
            long seen = Volatile.Read(ref state);
            long basis = Math.Max(seen, now);
            if (Interlocked.CompareExchange(ref state, basis + _interval, seen) == seen)
            {
                return Math.Max(0, basis - _tolerance - now);
            }
        }
    }
}
