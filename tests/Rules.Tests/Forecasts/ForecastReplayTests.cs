using IotService.Rules.Kinds;
using IotService.Rules.Replay;
using IotService.Rules.Thresholds;
using static IotService.Rules.Tests.Forecasts.Signals;

namespace IotService.Rules.Tests.Forecasts;

/// <summary>Replay runs a forecast rule through the same code as live, peaks ranked the way the rule watches its limit.</summary>
public sealed class ForecastReplayTests
{
    private static readonly DateTimeOffset T0 = ForecastRun.T0;

    [Fact]
    public void ReplayRaisesWhereTheLiveRuleDoesAndItsPeakIsTheLowestValueOfAFallingLimit()
    {
        var filter = Regular(110, 1800, t => Math.Max(Line(100, -1)(t), 0), noise: 0.5).ToList();
        var live = new ForecastRun(limit: 5, horizonDays: 7, "filter_life").Feed(filter);

        var result = RuleReplay.Run(live.Rule, filter.Select(r => new ReplayReading("purifier-1", T0.AddSeconds(r.Seconds), r.Value)));

        var firing = Assert.Single(result.Firings);
        Assert.Equal(("purifier-1", live.Raises.Single().At, (DateTimeOffset?)null), (firing.DeviceId, firing.RaisedAt, firing.ClearedAt));
        Assert.Equal(filter.Where(r => T0.AddSeconds(r.Seconds) >= firing.RaisedAt).Min(r => r.Value), firing.PeakValue);
    }

    [Fact]
    public void AFlatHistoryReplaysWithoutFiring()
    {
        var rule = new ForecastRun(limit: 90, horizonDays: 7).Rule;
        var flat = Regular(30, 600, _ => 60, noise: 1).Select(r => new ReplayReading("chiller-1", T0.AddSeconds(r.Seconds), r.Value));

        var result = RuleReplay.Run(rule, flat);

        Assert.Equal((0, 30 * 144), (result.FiringCount, result.ReadingCount));
    }

    [Fact]
    public void AKindThatRanksPeaksWithoutItsStateStillRanksThemInReplay()
    {
        var rule = new CompiledThreshold(new ThresholdRule("hot", "temperature", ThresholdOperator.GreaterThan, 80, null, TimeSpan.Zero, null));
        var state = rule.Start(new RuleStart(T0));

        Assert.True(((ICompiledRule)rule).IsMoreExtreme(state, 95, 90));
    }
}
