using IotService.Rules.Kinds;
using IotService.Rules.Thresholds;

namespace IotService.Rules.Tests.Thresholds;

public sealed class ThresholdEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ThresholdRule Rule(
        ThresholdOperator op = ThresholdOperator.GreaterThan, double value = 80, TimeSpan duration = default, double? clear = null) =>
        new("hot", "temperature", op, value, null, duration, clear);

    // Feeds (seconds after T0, value) pairs and returns the transition of each reading.
    private static List<RuleTransition> Feed(ThresholdRule rule, params (int Seconds, double Value)[] readings)
    {
        var state = ThresholdState.Initial;
        var transitions = new List<RuleTransition>();
        foreach (var (seconds, value) in readings)
        {
            (state, var transition) = ThresholdEvaluator.Evaluate(rule, state, value, T0.AddSeconds(seconds));
            transitions.Add(transition);
        }

        return transitions;
    }

    [Fact]
    public void ZeroDurationRaisesOnTheFirstMatchingReading() =>
        Assert.Equal([RuleTransition.None, RuleTransition.Raise], Feed(Rule(), (0, 70), (1, 81)));

    [Fact]
    public void NeverRaisesTwiceWhileFiring() =>
        Assert.Equal(
            [RuleTransition.Raise, RuleTransition.None, RuleTransition.None],
            Feed(Rule(), (0, 81), (1, 90), (2, 85)));

    [Fact]
    public void RaisesAgainAfterAClear() =>
        Assert.Equal(
            [RuleTransition.Raise, RuleTransition.Clear, RuleTransition.Raise],
            Feed(Rule(), (0, 81), (1, 70), (2, 82)));

    [Fact]
    public void RaisesCriticalAlarmWhenTemperatureStaysHighForFiveMinutesExactlyOnce()
    {
        var rule = Rule(duration: TimeSpan.FromMinutes(5));

        var transitions = Feed(rule, (0, 81), (60, 82), (240, 83), (300, 84), (360, 85), (600, 86));

        Assert.Equal(
            [RuleTransition.None, RuleTransition.None, RuleTransition.None, RuleTransition.Raise, RuleTransition.None, RuleTransition.None],
            transitions);
    }

    [Fact]
    public void AReadingBelowTheThresholdRestartsTheDuration()
    {
        var rule = Rule(duration: TimeSpan.FromMinutes(5));

        var transitions = Feed(rule, (0, 81), (200, 79), (240, 81), (500, 81), (540, 81));

        Assert.Equal(
            [RuleTransition.None, RuleTransition.None, RuleTransition.None, RuleTransition.None, RuleTransition.Raise],
            transitions);
    }

    [Fact]
    public void DurationIsJudgedOnReadingTimestampsNotArrivalTime()
    {
        // A device that buffered offline delivers five minutes of readings in one burst: still five minutes.
        var rule = Rule(duration: TimeSpan.FromMinutes(5));
        var state = ThresholdState.Initial;

        (state, var first) = ThresholdEvaluator.Evaluate(rule, state, 81, T0);
        (_, var second) = ThresholdEvaluator.Evaluate(rule, state, 81, T0.AddMinutes(5));

        Assert.Equal(RuleTransition.None, first);
        Assert.Equal(RuleTransition.Raise, second);
    }

    [Fact]
    public void AnOlderOutOfOrderReadingIsIgnored()
    {
        var rule = Rule(duration: TimeSpan.FromMinutes(5));

        // The late 70 at 100 s must not restart the run that began at 0 s.
        var transitions = Feed(rule, (0, 81), (200, 81), (100, 70), (300, 81));

        Assert.Equal([RuleTransition.None, RuleTransition.None, RuleTransition.None, RuleTransition.Raise], transitions);
    }

    [Fact]
    public void AnOlderReadingDoesNotClearAFiringRule() =>
        Assert.Equal([RuleTransition.Raise, RuleTransition.None], Feed(Rule(), (10, 81), (5, 20)));

    [Fact]
    public void AnOlderReadingLeavesTheStateUnchanged()
    {
        var state = new ThresholdState(T0, false, T0.AddSeconds(10));

        var (next, transition) = ThresholdEvaluator.Evaluate(Rule(), state, 10, T0.AddSeconds(9));

        Assert.Equal(state, next);
        Assert.Equal(RuleTransition.None, transition);
    }

    [Fact]
    public void HysteresisPreventsFlappingAroundTheThreshold()
    {
        var rule = Rule(clear: 75);

        var transitions = Feed(rule, (0, 80.5), (1, 79.5), (2, 80.5), (3, 76), (4, 75), (5, 74.9), (6, 79.5), (7, 80.5));

        Assert.Equal(
            [
                RuleTransition.Raise, RuleTransition.None, RuleTransition.None, RuleTransition.None,
                RuleTransition.None, RuleTransition.Clear, RuleTransition.None, RuleTransition.Raise,
            ],
            transitions);
    }

    [Fact]
    public void HysteresisMirrorsForLessThan()
    {
        var rule = Rule(ThresholdOperator.LessThan, value: 10, clear: 15);

        var transitions = Feed(rule, (0, 9), (1, 11), (2, 9.5), (3, 15), (4, 15.1), (5, 11));

        Assert.Equal(
            [RuleTransition.Raise, RuleTransition.None, RuleTransition.None, RuleTransition.None, RuleTransition.Clear, RuleTransition.None],
            transitions);
    }

    [Fact]
    public void WithoutHysteresisTheRuleClearsAsSoonAsTheConditionIsFalse() =>
        Assert.Equal([RuleTransition.Raise, RuleTransition.Clear], Feed(Rule(), (0, 80.5), (1, 80)));

    [Fact]
    public void ANotANumberReadingChangesNothing()
    {
        var state = new ThresholdState(null, true, T0);

        var (next, transition) = ThresholdEvaluator.Evaluate(Rule(), state, double.NaN, T0.AddSeconds(1));

        Assert.Equal(state, next);
        Assert.Equal(RuleTransition.None, transition);
    }
}
