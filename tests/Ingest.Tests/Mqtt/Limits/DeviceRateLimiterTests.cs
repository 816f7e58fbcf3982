using System.Diagnostics.Metrics;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.Mqtt.Limits;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Ingest.Tests.Mqtt.Limits;

public sealed class DeviceRateLimiterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task DropsAndCountsQos0BeyondTheBurstAndReadsNoFasterThanTheRate()
    {
        var (limiter, stats) = Limiter(perSecond: 10, burst: 3);
        var admitted = new List<bool>();
        for (int i = 0; i < 3; i++)
        {
            admitted.Add(await limiter.AdmitAsync("dev-1", reliable: false, CancellationToken.None));
        }

        // Dropped, but the answer comes only when the next token is due (100 ms), which paces the connection.
        var dropped = limiter.AdmitAsync("dev-1", reliable: false, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(dropped.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        admitted.Add(await dropped);
        admitted.Add(await limiter.AdmitAsync("dev-1", reliable: false, CancellationToken.None));

        Assert.Equal([true, true, true, false, true], admitted);
        Assert.Equal(1, stats.Snapshot(_time.GetUtcNow(), 0, 0).RateLimited);
    }

    [Fact]
    public async Task DevicesHaveBucketsOfTheirOwn()
    {
        var (limiter, _) = Limiter(perSecond: 1, burst: 1);

        Assert.True(await limiter.AdmitAsync("dev-1", reliable: false, CancellationToken.None));
        var dropped = limiter.AdmitAsync("dev-1", reliable: false, CancellationToken.None).AsTask();
        Assert.True(await limiter.AdmitAsync("dev-2", reliable: false, CancellationToken.None));
        Assert.False(dropped.IsCompleted);
    }

    [Fact]
    public async Task AQos1MessageBeyondTheRateWaitsUntilItsTokenIsFree()
    {
        var (limiter, stats) = Limiter(perSecond: 10, burst: 1);
        Assert.True(await limiter.AdmitAsync("dev-1", reliable: true, CancellationToken.None));

        var waiting = limiter.AdmitAsync("dev-1", reliable: true, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await waiting);
        Assert.Equal(1, stats.Snapshot(_time.GetUtcNow(), 0, 0).RateDelayed);
    }

    [Fact]
    public async Task ARateOfZeroAndMessagesOfNoKnownDeviceAreNotLimited()
    {
        var (off, _) = Limiter(perSecond: 0, burst: 1);
        var (on, _) = Limiter(perSecond: 1, burst: 1);

        for (int i = 0; i < 100; i++)
        {
            Assert.True(await off.AdmitAsync("dev-1", reliable: false, CancellationToken.None));
            Assert.True(await on.AdmitAsync(null, reliable: false, CancellationToken.None));
        }
    }

    public void Dispose() => _services.Dispose();

    private (DeviceRateLimiter Limiter, IngestStats Stats) Limiter(double perSecond, int burst)
    {
        var stats = new IngestStats(_services.GetRequiredService<IMeterFactory>());
        var options = Options.Create(new IngestOptions { MaxMessagesPerSecondPerDevice = perSecond, MessageBurstPerDevice = burst });
        return (new DeviceRateLimiter(options, stats, _time), stats);
    }
}
