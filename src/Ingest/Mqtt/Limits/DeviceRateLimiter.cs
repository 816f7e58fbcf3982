using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Mqtt.Limits;

/// <summary>
/// <c>Ingest:MaxMessagesPerSecondPerDevice</c>: one token bucket per device, shared by all its connections. A
/// device costs one long; the hot path is a lock-free dictionary read and one compare-exchange on that device's
/// own slot, so devices never wait on each other.
/// </summary>
public sealed class DeviceRateLimiter
{
    private readonly TokenBucket? _bucket;
    private readonly ConcurrentDictionary<string, StrongBox<long>> _states = new(StringComparer.Ordinal);
    private readonly IngestStats _stats;
    private readonly TimeProvider _time;

    public DeviceRateLimiter(IOptions<IngestOptions> options, IngestStats stats, TimeProvider time)
    {
        var o = options.Value;
        _bucket = o.MaxMessagesPerSecondPerDevice > 0 ? new TokenBucket(o.MaxMessagesPerSecondPerDevice, o.MessageBurstPerDevice, time.TimestampFrequency) : null;
        _stats = stats;
        _time = time;
    }

    /// <summary>
    /// Admits one message of <paramref name="deviceId"/>. A reliable (QoS 1) message beyond the rate waits for its
    /// token, which holds back its acknowledgement. A lossy (QoS 0) one is dropped and counted (the answer is false),
    /// but only once the device's next token is due: MQTTnet reads a connection's next packet only after this
    /// handler, so a flooding client is held back by TCP instead of making the broker read and drop ever faster.
    /// </summary>
    /// <param name="deviceId">Null for messages of no known device: they are not limited here (the pipeline rejects them).</param>
    public ValueTask<bool> AdmitAsync(string? deviceId, bool reliable, CancellationToken cancellationToken)
    {
        if (_bucket is null || deviceId is null)
        {
            return ValueTask.FromResult(true);
        }

        var state = _states.GetOrAdd(deviceId, static _ => new StrongBox<long>());
        var now = _time.GetTimestamp();
        if (!reliable)
        {
            if (_bucket.TryTake(ref state.Value, now))
            {
                return ValueTask.FromResult(true);
            }

            _stats.RateLimited(reliable: false);
            var due = _bucket.UntilFree(ref state.Value, now);
            return due == 0 ? ValueTask.FromResult(false) : WaitAsync(due, admitted: false, cancellationToken);
        }

        var wait = _bucket.Reserve(ref state.Value, now);
        if (wait == 0)
        {
            return ValueTask.FromResult(true);
        }

        _stats.RateLimited(reliable: true);
        return WaitAsync(wait, admitted: true, cancellationToken);
    }

    private async ValueTask<bool> WaitAsync(long ticks, bool admitted, CancellationToken cancellationToken)
    {
        // Timers fire at millisecond granularity: rounding down would wake the caller just before its token is due.
        var milliseconds = Math.Ceiling(ticks * 1000.0 / _time.TimestampFrequency);
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), _time, cancellationToken).ConfigureAwait(false);
        return admitted;
    }
}
