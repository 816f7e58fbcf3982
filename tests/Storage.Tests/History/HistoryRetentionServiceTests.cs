using IotService.Storage.History;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Storage.Tests.History;

public sealed class HistoryRetentionServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunsRetentionAtStartAndThenOncePerInterval()
    {
        var retention = new RecordingRetention();
        using var service = new HistoryRetentionService(retention, _time, NullLogger<HistoryRetentionService>.Instance, TimeSpan.FromMinutes(30));

        await service.StartAsync(default);
        Assert.Equal(1, await retention.NextRunAsync());

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(1, retention.Count);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await retention.NextRunAsync());
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(3, await retention.NextRunAsync());

        await service.StopAsync(default);
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AFailedRunIsLoggedAndTheNextRunStillHappens()
    {
        var retention = new RecordingRetention(failing: 1);
        using var service = new HistoryRetentionService(retention, _time, NullLogger<HistoryRetentionService>.Instance);

        await service.StartAsync(default);
        Assert.Equal(1, await retention.NextRunAsync());
        _time.Advance(HistoryRetentionService.DefaultInterval);

        Assert.Equal(2, await retention.NextRunAsync());
        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(default);
    }

    [Fact]
    public void AnIntervalThatIsNotPositiveIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HistoryRetentionService(new RecordingRetention(), _time, NullLogger<HistoryRetentionService>.Instance, TimeSpan.Zero));
}
