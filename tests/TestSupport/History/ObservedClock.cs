using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace IotService.TestSupport.History;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer created on it, so a test can
/// wait until the forwarder is really sleeping before it moves the clock on.
/// </summary>
public sealed class ObservedClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _fake = new(Start);
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (waiting for it if need be).</summary>
    public Task<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync().AsTask().WaitAsync(TestTimeout.Signal);

    public void Advance(TimeSpan by) => _fake.Advance(by);
}
