using IotService.Rules.Forecasts;
using IotService.Rules.Kinds;
using static IotService.Rules.Tests.Forecasts.Signals;

namespace IotService.Rules.Tests.Forecasts;

/// <summary>The forecast kind through the interface the host uses: compile, checkpoint, restart, explain, clear by a person.</summary>
public sealed class ForecastKindTests
{
    private static readonly DateTimeOffset T0 = ForecastRun.T0;

    [Fact]
    public void EveryFieldOfTheDefinitionReachesTheRule()
    {
        var rule = Assert.IsType<CompiledForecast>(new ForecastKind().Compile(
            new RuleSpec("trend", "forecast", "temperature", Limit: 90, HorizonSeconds: 7 * Day), ForecastRun.Chiller).Rule);

        Assert.Equal(new ForecastRule("trend", "temperature", 90, 7 * Day), rule.Rule);
        Assert.Equal(("trend", "forecast", 3.5 * Day), (rule.Id, rule.Kind, rule.Rule.TimeConstantSeconds));
        Assert.Equal(["temperature"], rule.Properties);
        Assert.True(new ForecastKind().Replayable);
    }

    [Fact]
    public void AForecastRuleNeedsAPropertyALimitAndAHorizon()
        => Assert.Equal(
            [new FieldError("property", "required for this kind"), new FieldError("limit", "required"), new FieldError("horizonSeconds", "more than 0")],
            new ForecastKind().Compile(new RuleSpec("trend", "forecast", HorizonSeconds: 0), RuleScope.Empty).Errors);

    [Fact]
    public void ACheckpointRestoredGivesIdenticalLaterSteps()
    {
        var series = Regular(40, 600, t => Math.Min(Line(60, 1)(t), 85), noise: 1).ToList();
        var live = new ForecastRun(limit: 90, horizonDays: 7).Feed(series.Take(series.Count / 2));
        var restarted = new ForecastRun(limit: 90, horizonDays: 7);
        restarted.State = restarted.Rule.Restore(live.State.Checkpoint())!;
        live.Changes.Clear();

        live.Feed(series.Skip(series.Count / 2));
        restarted.Feed(series.Skip(series.Count / 2));

        Assert.NotEmpty(live.Changes);
        Assert.Equal(live.Changes.Select(c => (c.Step, c.At, c.Explanation?.Text)), restarted.Changes.Select(c => (c.Step, c.At, c.Explanation?.Text)));
        Assert.Equal(live.State.Checkpoint(), restarted.State.Checkpoint());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 2, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0 })]
    public void BytesThatAreNotAForecastCheckpointAreRefused(byte[] bytes)
        => Assert.Null(new ForecastRun(90, 7).Rule.Restore(bytes));

    [Fact]
    public void ACheckpointWithImpossibleSumsIsRefused()
    {
        var run = new ForecastRun(90, 7).Feed(Regular(1, 600, Line(60, 1), noise: 1));
        var bytes = run.State.Checkpoint();
        BitConverter.GetBytes(double.NaN).CopyTo(bytes, bytes.Length - 8);

        Assert.Null(run.Rule.Restore(bytes));
    }

    [Fact]
    public void NaNInfinitiesAndLateReadingsAreIgnoredAndChangeNothing()
    {
        var run = new ForecastRun(90, 7).Feed(Regular(2, 600, Line(60, 1), noise: 1));
        var before = run.State.Checkpoint();
        var last = T0.AddDays(2).AddSeconds(-600);

        Assert.Equal(RuleStep.Ignored, run.Read(last.AddSeconds(1), double.NaN));
        Assert.Equal(RuleStep.Ignored, run.Read(last.AddSeconds(2), double.PositiveInfinity));
        Assert.Equal(RuleStep.Ignored, run.Read(last.AddHours(-1), 500));
        Assert.Equal(before, run.State.Checkpoint());
    }

    [Fact]
    public void ExplainsTheRateTheCrossingAndItsBandInTheModelsUnit()
    {
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(30, 600, Line(60, 1), noise: 1));

        var (step, raisedAt, explanation) = Assert.Single(run.Raises);
        var forecast = explanation!.Forecast!;
        Assert.Matches(@"^temperature is rising 1(\.\d+)? °C/day and is expected to reach 90 °C on 2026-11-(2|3)\d \d\d:\d\d UTC \(between 2026-.+ UTC and 2026-.+ UTC\)\.$", explanation.Text);
        Assert.Equal(("temperature", step.Value, 90.0), (explanation.Property, explanation.Observed, forecast.Limit));
        Assert.True(forecast.Earliest <= forecast.CrossingAt && forecast.CrossingAt <= forecast.Latest, $"{forecast}");
        Assert.True(forecast.Earliest >= raisedAt, $"{forecast}");
        Assert.True(explanation.ExpectedLow < explanation.ExpectedHigh, $"{explanation}");
        Assert.InRange(explanation.Score!.Value, 0, 1);
        Assert.Equal(raisedAt, explanation.DeviatingSince);
    }

    [Fact]
    public void StartedWithAnAlarmOpenItDoesNotRaiseAgainAndClearsWhenTheTrendIsGone()
    {
        var run = new ForecastRun(limit: 90, horizonDays: 7);
        run.State = run.Rule.Start(new RuleStart(T0, AlarmOpenSince: T0.AddDays(-1)));

        run.Feed(Regular(10, 600, _ => 60, noise: 1));

        Assert.Equal([RuleTransition.Clear], run.Changes.Select(c => c.Step.Transition));
    }

    [Fact]
    public void AfterAPersonClearsItsAlarmAPredictionThatStillHoldsRaisesAgain()
    {
        var run = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(25, 600, Line(60, 1), noise: 1));
        var firstDeviation = run.Raises.Single().Explanation!.DeviatingSince;

        run.Rule.OnAlarmCleared(run.State, byPerson: true, T0.AddDays(25));
        run.Feed(Regular(25.01, 600, Line(60, 1), noise: 1).SkipWhile(r => r.Seconds < 25 * Day));

        Assert.Equal(2, run.Raises.Count());
        Assert.Equal(firstDeviation, run.Raises.Last().Explanation!.DeviatingSince);
    }

    [Fact]
    public void NeverDueOnTheClock()
    {
        var run = new ForecastRun(90, 7);
        var device = new DeviceActivity(T0, T0);

        Assert.Null(run.Rule.NextDue(run.State, device));
        Assert.Equal(RuleStep.None, run.Rule.OnClock(run.State, device, T0.AddDays(30)));
    }

    [Fact]
    public void PeaksAreRankedInTheDirectionTheRuleWatches()
    {
        var rising = new ForecastRun(limit: 90, horizonDays: 7).Feed(Regular(30, 600, Line(60, 1), noise: 1));
        var falling = new ForecastRun(limit: 5, horizonDays: 7, "filter_life").Feed(Regular(95, 1800, Line(100, -1), noise: 0.5));

        Assert.True(rising.Rule.IsMoreExtreme(rising.State, 91, 90));
        Assert.False(rising.Rule.IsMoreExtreme(rising.State, 89, 90));
        Assert.True(falling.Rule.IsMoreExtreme(falling.State, 4, 5));
        Assert.False(falling.Rule.IsMoreExtreme(falling.State, 6, 5));
    }
}
