using IotService.Rules.Replay;
using IotService.Rules.Thresholds;

namespace IotService.Rules.Tests.Replay;

public sealed class RuleReplayRunTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ThresholdRule Hot =
        new("hot", "temperature", ThresholdOperator.GreaterThan, 80, null, TimeSpan.Zero, 75);

    // Device "a" fires at 0, 4 and 8 minutes (peaks 90, 95, 85); "b" fires at 1 and 6 minutes, interleaved.
    private static readonly ReplayReading[] History =
    [
        new("a", T0, 81), new("b", T0.AddMinutes(1), 82), new("a", T0.AddMinutes(2), 90), new("a", T0.AddMinutes(3), 70),
        new("b", T0.AddMinutes(3.5), 60), new("a", T0.AddMinutes(4), 95), new("a", T0.AddMinutes(5), 74), new("b", T0.AddMinutes(6), 99),
        new("a", T0.AddMinutes(8), 85),
    ];

    /// <summary>A firing of <see cref="Hot"/>, explained as the alarm raised by <paramref name="raisedWith"/> would be.</summary>
    private static RuleFiring Firing(string device, DateTimeOffset raisedAt, DateTimeOffset? clearedAt, double peak, double raisedWith)
        => new(device, raisedAt, clearedAt, peak, $"temperature is {raisedWith}, above 80; clears at 75.");

    [Fact]
    public void FeedingReadingsOneByOneGivesWhatTheWholeRunGives()
    {
        var run = new RuleReplayRun(new CompiledThreshold(Hot));
        foreach (var reading in History)
        {
            run.Add(reading);
        }

        var whole = RuleReplay.Run(new CompiledThreshold(Hot), History);

        Assert.Equal(whole.Firings, run.ToResult().Firings);
        Assert.Equal((5, 9), (run.FiringCount, run.ReadingCount));
    }

    [Fact]
    public void OnlyTheFirstFiringsAreListedButEveryOneIsCounted()
    {
        var run = new RuleReplayRun(new CompiledThreshold(Hot), maxListed: 2);
        foreach (var reading in History)
        {
            run.Add(reading);
        }

        var result = run.ToResult();

        // The listed ones still get their clear time and peak from later readings; the unlisted ones touch nothing.
        Assert.Equal(
            [Firing("a", T0, T0.AddMinutes(3), 90, raisedWith: 81), Firing("b", T0.AddMinutes(1), T0.AddMinutes(3.5), 82, raisedWith: 82)],
            result.Firings);
        Assert.Equal(5, result.FiringCount);
        Assert.Equal(9, result.ReadingCount);
    }

    [Fact]
    public void ListingNoFiringsStillCountsThem()
    {
        var run = new RuleReplayRun(new CompiledThreshold(Hot), maxListed: 0);
        foreach (var reading in History)
        {
            run.Add(reading);
        }

        var result = run.ToResult();

        Assert.Equal((5, 9), (result.FiringCount, result.ReadingCount));
        Assert.Empty(result.Firings);
    }
}
