using IotService.Dashboard.Demo;

namespace IotService.Dashboard.Tests.Demo;

public sealed class BackOffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(50, 60)]
    public void TheDelayDoublesPerAttemptUpToAMinute(int attempt, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), BackOff.Delay(attempt, jitter: 0.5));
    }

    [Fact]
    public void JitterScalesTheDelayByHalfToOneAndAHalf()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), BackOff.Delay(3, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(5.96), BackOff.Delay(3, jitter: 0.99));
    }
}
