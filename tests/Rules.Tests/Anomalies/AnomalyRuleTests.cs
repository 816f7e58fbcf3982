using IotService.Rules.Anomalies;
using IotService.Rules.Anomalies.Detection;
using IotService.Rules.Kinds;

namespace IotService.Rules.Tests.Anomalies;

public sealed class AnomalyRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RuleScope Chiller = new(new Dictionary<string, string?> { ["supply"] = "°C", ["return"] = "°C" });
    private static readonly DeviceActivity Device = new(T0, T0);

    [Fact]
    public void ASpikeAfterSteadyNoiseRaisesOnceWithAnExplanationOfTheLearnedRange()
    {
        var rule = Compile(new RuleSpec("odd", "anomaly", "supply"));
        var state = rule.Start(new RuleStart(T0));
        var steps = Feed(rule, state, "supply", Noise(600, level: 7, seed: 1)).ToList();
        Assert.DoesNotContain(steps, s => s.Transition == RuleTransition.Raise);

        var raise = rule.OnReading(state, Reading("supply", 19, 600));
        Assert.Equal(RuleTransition.Raise, raise.Transition);

        var why = rule.Explain(state, raise, Device, T0);
        Assert.Equal("supply", why.Property);
        Assert.Equal(19, why.Observed);
        Assert.InRange(why.ExpectedLow!.Value, 5, 7);
        Assert.InRange(why.ExpectedHigh!.Value, 7, 9);
        Assert.InRange(why.Score!.Value, rule.Threshold, 1);
        Assert.Equal(At(600), why.DeviatingSince);
        Assert.Contains("supply is 19 °C", why.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ABurstOfOrdinarySpikesRaisesAnAlarmThatSaysItIsABurst()
    {
        // Noise around 7 with a +4 spike every 60 readings, learned; then the same spike on every third reading.
        var rule = Compile(new RuleSpec("odd", "anomaly", "supply"));
        var state = rule.Start(new RuleStart(T0));
        var learned = Noise(1500, level: 7, seed: 7).Select((v, i) => i % 60 == 59 ? v + 4 : v);
        var before = Feed(rule, state, "supply", learned).ToList();
        // Not firing when the burst starts, and the learned spikes no longer raise.
        Assert.NotEqual(RuleTransition.Raise, before.LastOrDefault(s => s.Transition is RuleTransition.Raise or RuleTransition.Clear).Transition);
        Assert.DoesNotContain(before.Skip(1000), s => s.Transition == RuleTransition.Raise);

        var burst = Noise(90, level: 7, seed: 8).Select((v, i) => i % 3 == 0 ? v + 4 : v).ToList();
        var steps = Feed(rule, state, "supply", burst, startAt: 1500).ToList();
        var raised = steps.FindIndex(s => s.Transition == RuleTransition.Raise);
        Assert.InRange(raised, 0, 89);

        var why = rule.Explain(state, steps[raised], Device, At(1500 + raised));
        Assert.StartsWith("supply strayed far from its usual level ", why.Text, StringComparison.Ordinal);
        Assert.Contains(" times in the last 30 readings, where ", why.Text, StringComparison.Ordinal);
        Assert.Equal("supply", why.Property);
    }

    [Fact]
    public void ADriftIsScoredAsADriftWhichAnAlarmCanExplain()
    {
        // 1,200 readings of noise around 7, then a climb of 3 (20 noise spreads) over 100 readings: the readings leave
        // the usual band (a burst of excursions) and the levels part (a drift); the drift is reported too.
        var detector = new SeriesDetector();
        var values = Noise(1300, level: 7, seed: 9).Select((v, i) => v + (i < 1200 ? 0 : 3 * (i - 1200) / 100.0)).ToList();
        var causes = values.Select((v, i) => (Score: detector.Score(v, At(i)), detector.LastCause)).Skip(1200).ToList();

        Assert.Contains(causes, c => c.LastCause == AnomalyCause.Drift && c.Score >= 0.33);
    }

    [Fact]
    public void TheAlarmClearsWhenThePropertyHasBeenCalmForAWhileAndNotBefore()
    {
        var rule = Compile(new RuleSpec("odd", "anomaly", "supply"));
        var state = rule.Start(new RuleStart(T0));
        _ = Feed(rule, state, "supply", Noise(600, level: 7, seed: 2)).ToList();
        Assert.Equal(RuleTransition.Raise, rule.OnReading(state, Reading("supply", 25, 600)).Transition);

        var after = Feed(rule, state, "supply", Noise(400, level: 7, seed: 3), startAt: 601).ToList();
        var clear = after.FindIndex(s => s.Transition == RuleTransition.Clear);
        Assert.InRange(clear, 50, 399);
        Assert.DoesNotContain(after.Take(clear), s => s.Transition == RuleTransition.Raise);
    }

    [Fact]
    public void ARuleOnAllPropertiesWatchesEveryPropertyOfTheModel()
    {
        Assert.Equal(["supply", "return"], new AnomalyKind().Compile(new RuleSpec("odd", "anomaly"), Chiller).Rule!.Properties);
        Assert.Equal(["supply", "return"], new AnomalyKind().Compile(new RuleSpec("odd", "anomaly", RuleSpec.AllProperties), Chiller).Rule!.Properties);
        Assert.Equal(["return"], Compile(new RuleSpec("odd", "anomaly", "return")).Properties);
    }

    [Fact]
    public void SensitivityOutsideZeroToOneIsRefusedAndHigherSensitivityLowersTheThreshold()
    {
        Assert.Equal([new FieldError("sensitivity", "0 to 1")], new AnomalyKind().Compile(new RuleSpec("odd", "anomaly", Sensitivity: 1.5), Chiller).Errors);
        Assert.True(Compile(new RuleSpec("a", "anomaly", "supply", Sensitivity: 0.9)).Threshold < Compile(new RuleSpec("b", "anomaly", "supply")).Threshold);
        Assert.True(Compile(new RuleSpec("a", "anomaly", "supply", Sensitivity: 0.1)).Threshold > Compile(new RuleSpec("b", "anomaly", "supply")).Threshold);
    }

    [Fact]
    public void AStateRestoredFromItsCheckpointScoresTheFollowingReadingsIdentically()
    {
        var rule = Compile(new RuleSpec("odd", "anomaly", "supply"));
        var state = rule.Start(new RuleStart(T0));
        _ = Feed(rule, state, "supply", Noise(300, level: 7, seed: 4)).ToList();
        var restored = rule.Restore(state.Checkpoint());
        Assert.NotNull(restored);

        var later = Noise(300, level: 7, seed: 5).Append(30).Concat(Noise(200, level: 7, seed: 6)).ToList();
        var original = Scores(rule, state, later, 300);
        var resumed = Scores(rule, restored!, later, 300);
        Assert.Equal(original, resumed);
        Assert.Contains(original, s => s > 0);
    }

    [Fact]
    public void ACheckpointOfAnotherPropertyListIsRefused()
    {
        var both = Compile(new RuleSpec("odd", "anomaly", "return"));
        var one = Compile(new RuleSpec("odd", "anomaly", "supply"));
        Assert.Null(one.Restore(both.Start(new RuleStart(T0)).Checkpoint()));
        Assert.Null(one.Restore([1, 2, 3]));
    }

    [Fact]
    public void LateNonFiniteAndForeignReadingsAreIgnored()
    {
        var rule = Compile(new RuleSpec("odd", "anomaly", "supply"));
        var state = rule.Start(new RuleStart(T0));
        Assert.Equal(RuleStep.None, rule.OnReading(state, Reading("supply", 7, 10)));
        Assert.Equal(RuleStep.Ignored, rule.OnReading(state, Reading("supply", 7, 9)));
        Assert.Equal(RuleStep.Ignored, rule.OnReading(state, Reading("supply", double.NaN, 11)));
        Assert.Equal(RuleStep.Ignored, rule.OnReading(state, Reading("return", 7, 12)));
    }

    [Fact]
    public void ANewSeriesDoesNotRaiseWhileItIsStillBeingLearned()
    {
        var rule = Compile(new RuleSpec("odd", "anomaly", "supply", Sensitivity: 1));
        var state = rule.Start(new RuleStart(T0));
        var steps = Feed(rule, state, "supply", [.. Noise(20, level: 7, seed: 7), 50, 7, 7, -40]).ToList();
        Assert.DoesNotContain(steps, s => s.Transition == RuleTransition.Raise);
    }

    // A rule on every property compiles to the combined rule; without a trained detector it is its per-property part.
    private static AnomalyRule Compile(RuleSpec spec) => new AnomalyKind().Compile(spec, Chiller).Rule switch
    {
        CombinedAnomalyRule combined => combined.PerProperty,
        var rule => (AnomalyRule)rule!,
    };

    private static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    private static RuleReading Reading(string property, double value, int minute) => new(property, value, At(minute), At(minute));

    private static IEnumerable<double> Noise(int count, double level, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return level + 0.3 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5);
        }
    }

    private static IEnumerable<RuleStep> Feed(AnomalyRule rule, AnomalySeries state, string property, IEnumerable<double> values, int startAt = 0)
    {
        var minute = startAt;
        foreach (var value in values)
        {
            yield return rule.OnReading(state, Reading(property, value, minute++));
        }
    }

    private static List<double> Scores(AnomalyRule rule, AnomalySeries state, IEnumerable<double> values, int startAt)
    {
        var scores = new List<double>();
        var minute = startAt;
        foreach (var value in values)
        {
            _ = rule.OnReading(state, Reading("supply", value, minute++));
            scores.Add(state.LastScore);
        }

        return scores;
    }
}
