using IotService.Rules.Kinds;
using static IotService.Rules.Tests.Forecasts.Signals;

namespace IotService.Rules.Tests.Forecasts;

/// <summary>What the forecast predicts and when it fires, over synthetic drifts, noise and daily cycles.</summary>
public sealed class ForecastPredictionTests
{
    private static readonly DateTimeOffset T0 = ForecastRun.T0;

    [Fact]
    public void ANoisyLinearDriftRaisesWithinTheHorizonAndPredictsItsCrossingWithinATenthOfTheRemainingTime()
    {
        // 60 °C rising 1 °C a day crosses 90 °C on day 30.
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(30, 600, Line(60, 1), noise: 1));

        var (_, raisedAt, explanation) = Assert.Single(run.Raises);
        var crossing = T0.AddDays(30);
        Assert.InRange(explanation!.Forecast!.CrossingAt - raisedAt, TimeSpan.Zero, TimeSpan.FromDays(7));
        Assert.InRange(crossing - raisedAt, TimeSpan.FromDays(6), TimeSpan.FromDays(7.7));
        AssertNear(crossing, explanation!.Forecast!.CrossingAt, 0.1 * (crossing - raisedAt));
        Assert.Empty(run.Clears);
    }

    [Fact]
    public void AFallingLimitIsWatchedFromAbove()
    {
        // A filter at 100 % losing 1 % a day reaches 5 % on day 95.
        var run = new ForecastRun(limit: 5, horizonDays: 7, "filter_life").Feed(Regular(95, 1800, Line(100, -1), noise: 0.5));

        var (step, raisedAt, explanation) = Assert.Single(run.Raises);
        var crossing = T0.AddDays(95);
        Assert.InRange(explanation!.Forecast!.CrossingAt - raisedAt, TimeSpan.Zero, TimeSpan.FromDays(7));
        Assert.InRange(crossing - raisedAt, TimeSpan.FromDays(6), TimeSpan.FromDays(7.7));
        AssertNear(crossing, explanation!.Forecast!.CrossingAt, 0.1 * (crossing - raisedAt));
        Assert.InRange(step.Value, 5, 14);
    }

    [Fact]
    public void IrregularReadingsWeighByTheTimeTheyCoverAndFindTheSameCrossing()
    {
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Irregular(30, 1800, Line(60, 1), noise: 1, seed: 7));

        var (_, raisedAt, explanation) = Assert.Single(run.Raises);
        var crossing = T0.AddDays(30);
        AssertNear(crossing, explanation!.Forecast!.CrossingAt, 0.1 * (crossing - raisedAt));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SteadyNoiseNeverFires(int seed)
        => Assert.Empty(new ForecastRun(limit: 60, horizonDays: 1.0 / 24).Feed(Regular(14, 60, _ => 50, noise: 3, seed)).Changes);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    public void ADailyCycleDoesNotFireAWeekAheadLimitWhicheverHourItStarts(double phaseHours)
        => Assert.Empty(new ForecastRun(limit: 75, horizonDays: 7).Feed(Regular(30, 600, DailyCycle(60, 10, phaseHours), noise: 1)).Changes);

    [Fact]
    public void ADriftUnderADailyCycleIsStillFound()
    {
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(30, 600, t => Line(60, 1)(t) + DailyCycle(0, 5)(t), noise: 1));

        var (_, raisedAt, explanation) = Assert.Single(run.Raises);
        AssertNear(T0.AddDays(30), explanation!.Forecast!.CrossingAt, 0.1 * (T0.AddDays(30) - raisedAt));
    }

    [Fact]
    public void ClearsOnceADriftStopsShortOfTheLimit()
    {
        // Rises 1 °C a day to 85 °C on day 25, then stays there.
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(45, 600, t => Math.Min(Line(60, 1)(t), 85), noise: 1));

        Assert.Equal([RuleTransition.Raise, RuleTransition.Clear], run.Changes.Select(c => c.Step.Transition));
        Assert.InRange(run.Clears.Single().At, T0.AddDays(25), T0.AddDays(40));
    }

    [Fact]
    public void ClearsWhenTheTrendReverses()
    {
        // Up 1 °C a day to 84 °C on day 24, then down 2 °C a day.
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(35, 600, t => t < 24 * Day ? Line(60, 1)(t) : Line(132, -2)(t), noise: 1));

        Assert.Equal([RuleTransition.Raise, RuleTransition.Clear], run.Changes.Select(c => c.Step.Transition));
        Assert.InRange(run.Clears.Single().At, T0.AddDays(24), T0.AddDays(28));
    }

    [Fact]
    public void KeepsFiringOnceTheLimitIsPassed()
    {
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(50, 600, Line(60, 1), noise: 1));

        Assert.Single(run.Raises);
        Assert.Empty(run.Clears);
    }

    [Fact]
    public void ASteepStartDoesNotFireBeforeTheReadingsSpanEnoughTime()
    {
        // Two hours of a steep climb: a slope, but over far less than the time constant (3.5 days).
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(2.0 / 24, 60, Line(60, 100), noise: 0.1));

        Assert.Empty(run.Changes);
    }

    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual, TimeSpan tolerance)
        => Assert.True((actual - expected).Duration() <= tolerance, $"Expected {expected:O} ± {tolerance}, got {actual:O}.");
}
