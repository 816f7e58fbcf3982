using IotService.Rules.Kinds;
using IotService.Rules.Thresholds;

namespace IotService.Rules.Tests.Thresholds;

/// <summary>The threshold kind through the interface the host uses: compile, evaluate, checkpoint, explain.</summary>
public sealed class ThresholdKindTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RuleScope Chiller = new(new Dictionary<string, string?> { ["temperature"] = "°C", ["rpm"] = null });
    private static readonly DeviceActivity Device = new(T0.AddDays(-1), T0);

    private static RuleSpec Hot(double durationSeconds = 60) =>
        new("overheat", "threshold", "temperature", ">", 90, DurationSeconds: durationSeconds, ClearValue: 85);

    private static ICompiledRule Compile(RuleSpec spec) => new ThresholdKind().Compile(spec, Chiller).Rule!;

    private static RuleStep Read(ICompiledRule rule, IRuleState state, int seconds, double value) =>
        rule.OnReading(state, new RuleReading("temperature", value, T0.AddSeconds(seconds), T0.AddSeconds(seconds)));

    [Fact]
    public void EveryFieldOfTheDefinitionReachesTheRule()
    {
        var rule = Assert.IsType<CompiledThreshold>(new ThresholdKind().Compile(
            new RuleSpec("band", "threshold", "rpm", "outside", 100, HighValue: 4000, DurationSeconds: 90.5, ClearValue: 50), Chiller).Rule);

        Assert.Equal(new ThresholdRule("band", "rpm", ThresholdOperator.OutsideRange, 100, 4000, TimeSpan.FromSeconds(90.5), 50), rule.Rule);
        Assert.Equal(("band", "threshold"), (rule.Id, rule.Kind));
        Assert.Equal(["rpm"], rule.Properties);
    }

    [Fact]
    public void AMissingDurationRaisesAtOnce()
        => Assert.Equal(TimeSpan.Zero, ((CompiledThreshold)Compile(new RuleSpec("hot", "threshold", "t", ">=", 90))).Rule.Duration);

    [Fact]
    public void AnEnormousDurationIsClampedRatherThanOverflowing()
        => Assert.Equal(TimeSpan.MaxValue, ((CompiledThreshold)Compile(new RuleSpec("hot", "threshold", "t", "<", 1, DurationSeconds: 1e300))).Rule.Duration);

    [Fact]
    public void EveryProblemIsReportedWithItsField()
    {
        var result = new ThresholdKind().Compile(new RuleSpec("r", "threshold", null, "~=", null, DurationSeconds: -1), Chiller);

        Assert.Null(result.Rule);
        Assert.Equal(
            [
                new FieldError("property", "required for this kind"),
                new FieldError("operator", "one of >, >=, <, <=, outside, equals"),
                new FieldError("value", "required"),
                new FieldError("durationSeconds", "0 or more"),
            ],
            result.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(50.0)]
    public void OutsideNeedsAHighValueAboveTheLowOne(double? high)
        => Assert.Equal(
            [new FieldError("highValue", "outside needs value (low) and highValue (high)")],
            new ThresholdKind().Compile(new RuleSpec("r", "threshold", "rpm", "outside", 100, HighValue: high), Chiller).Errors);

    [Fact]
    public void RaisesAfterTheDurationAndClearsOnlyPastTheClearValue()
    {
        var rule = Compile(Hot());
        var state = rule.Start(new RuleStart(T0));

        var steps = new[] { (0, 95.0), (59, 96), (60, 97), (61, 88), (62, 84) }.Select(r => Read(rule, state, r.Item1, r.Item2)).ToList();

        Assert.Equal([RuleStep.None, RuleStep.None, RuleStep.Raise(97), RuleStep.None, RuleStep.Clear(84)], steps);
    }

    [Fact]
    public void LateAndNaNReadingsAreIgnored()
    {
        var rule = Compile(Hot(durationSeconds: 0));
        var state = rule.Start(new RuleStart(T0));
        Read(rule, state, 10, 95);

        Assert.Equal(RuleTransition.Ignored, Read(rule, state, 5, 20).Transition);
        Assert.Equal(RuleTransition.Ignored, Read(rule, state, 11, double.NaN).Transition);
        Assert.Equal(RuleStep.Clear(20), Read(rule, state, 12, 20));
    }

    [Fact]
    public void ACheckpointRestoredGivesTheSameNextDecisions()
    {
        var rule = Compile(Hot());
        var live = rule.Start(new RuleStart(T0));
        Read(rule, live, 0, 95);
        Read(rule, live, 30, 96);

        var restored = rule.Restore(live.Checkpoint())!;

        Assert.Equal(RuleStep.None, Read(rule, restored, 59, 99));
        Assert.Equal(RuleStep.Raise(97), Read(rule, restored, 60, 97));
        Assert.Equal(RuleStep.Raise(97), Read(rule, live, 60, 97));
        Assert.Equal(live.Checkpoint(), restored.Checkpoint());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 2, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0 })]
    public void BytesThatAreNotAThresholdCheckpointAreRefused(byte[] bytes) => Assert.Null(Compile(Hot()).Restore(bytes));

    [Fact]
    public void StartedWithAnAlarmOpenItFiresAlreadySoItClearsButDoesNotRaiseAgain()
    {
        var rule = Compile(Hot(durationSeconds: 0));
        var state = rule.Start(new RuleStart(T0, AlarmOpenSince: T0.AddHours(-1)));

        Assert.Equal(RuleStep.None, Read(rule, state, 1, 99));
        Assert.Equal(RuleStep.Clear(80), Read(rule, state, 2, 80));
    }

    [Fact]
    public void AfterItsAlarmIsClearedAConditionThatStillHoldsRaisesAgain()
    {
        var rule = Compile(Hot(durationSeconds: 0));
        var state = rule.Start(new RuleStart(T0));
        Read(rule, state, 0, 95);

        rule.OnAlarmCleared(state, byPerson: true, T0.AddSeconds(1));

        Assert.Equal(RuleStep.Raise(96), Read(rule, state, 2, 96));
    }

    [Fact]
    public void NeverDueOnTheClock()
    {
        var rule = Compile(Hot());
        var state = rule.Start(new RuleStart(T0));

        Assert.Null(rule.NextDue(state, Device));
        Assert.Equal(RuleStep.None, rule.OnClock(state, Device, T0.AddDays(1)));
        Assert.Equal(RuleStep.None, rule.AfterReadings(state, Device));
    }

    [Fact]
    public void ExplainsTheObservedValueAgainstTheLimitInTheModelsUnit()
    {
        var rule = Compile(Hot(durationSeconds: 30));
        var state = rule.Start(new RuleStart(T0));

        var explanation = rule.Explain(state, RuleStep.Raise(97), Device, T0);

        Assert.Equal(new RuleExplanation("temperature is 97 °C, above 90 °C for at least 30 s; clears at 85 °C.", "temperature", 97, null, 90), explanation);
    }

    [Theory]
    [InlineData(">", 95, 99, true)]
    [InlineData(">", 95, 91, false)]
    [InlineData("<", 5, 3, true)]
    [InlineData("outside", 3, 140, true)]
    [InlineData("outside", 140, 3, false)]
    [InlineData("equals", 90, 90, false)]
    public void PeaksAreRankedByHowFarIntoTheConditionTheyLie(string op, double peak, double candidate, bool more)
        => Assert.Equal(more, Compile(new RuleSpec("r", "threshold", "temperature", op, op == "outside" ? 10 : op == "<" ? 10 : 90, HighValue: 100)).IsMoreExtreme(candidate, peak));
}
