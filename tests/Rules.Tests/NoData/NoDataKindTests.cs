using IotService.Rules.Kinds;
using IotService.Rules.NoData;

namespace IotService.Rules.Tests.NoData;

/// <summary>The no-data kind through the interface the host uses: compile, the clock, batches, checkpoint, explain.</summary>
public sealed class NoDataKindTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DeviceActivity Registered = new(T0, null);

    private static ICompiledRule Compile(string? property = null, double seconds = 60) =>
        new NoDataKind().Compile(new RuleSpec("silent", "nodata", property, Seconds: seconds), RuleScope.Empty).Rule!;

    private static RuleReading Rpm(int receivedSeconds) => new("rpm", 1200, T0.AddSeconds(receivedSeconds - 1), T0.AddSeconds(receivedSeconds));

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void SecondsMustBeMoreThanZero(double? seconds)
        => Assert.Equal(
            [new FieldError("seconds", "more than 0")],
            new NoDataKind().Compile(new RuleSpec("silent", "nodata", Seconds: seconds), RuleScope.Empty).Errors);

    [Fact]
    public void ARuleOnTheDeviceReadsNoValuesAndOneOnAPropertyReadsThatProperty()
    {
        Assert.Empty(Compile().Properties);
        Assert.Equal(["rpm"], Compile("rpm").Properties);
        Assert.False(new NoDataKind().Replayable);
    }

    [Fact]
    public void APeriodBeyondTheCalendarCompilesAndIsNeverDue()
    {
        var rule = Compile(seconds: 1e300);
        var state = rule.Start(new RuleStart(T0));

        Assert.Equal(TimeSpan.MaxValue, ((CompiledNoData)rule).Period);
        Assert.Null(rule.NextDue(state, Registered));
        Assert.Equal(RuleStep.None, rule.OnClock(state, Registered, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void RaisesOnTheClockOncePeriodPassedSinceTheDeviceWasLastSeen()
    {
        var rule = Compile();
        var state = rule.Start(new RuleStart(T0));
        var seen = new DeviceActivity(T0, T0.AddSeconds(30));

        Assert.Equal(T0.AddSeconds(90), rule.NextDue(state, seen));
        Assert.Equal(RuleStep.None, rule.OnClock(state, seen, T0.AddSeconds(89)));
        Assert.Equal(RuleTransition.Raise, rule.OnClock(state, seen, T0.AddSeconds(95)).Transition);
        Assert.Null(rule.NextDue(state, seen));
        Assert.Equal(RuleStep.None, rule.OnClock(state, seen, T0.AddHours(1)));
    }

    [Fact]
    public void ADeviceQuietLongBeforeTheRuleExistedGetsOneFullPeriod()
    {
        var rule = Compile();
        var state = rule.Start(new RuleStart(T0.AddDays(3)));

        Assert.Equal(T0.AddDays(3).AddSeconds(60), rule.NextDue(state, new DeviceActivity(T0, T0.AddSeconds(5))));
    }

    [Fact]
    public void AnyBatchClearsARuleOnTheDevice()
    {
        var rule = Compile();
        var state = rule.Start(new RuleStart(T0));
        rule.OnClock(state, Registered, T0.AddSeconds(60));

        Assert.Equal(RuleTransition.Clear, rule.AfterReadings(state, new DeviceActivity(T0, T0.AddSeconds(70))).Transition);
        Assert.Equal(RuleStep.None, rule.AfterReadings(state, new DeviceActivity(T0, T0.AddSeconds(71))));
    }

    [Fact]
    public void ARuleOnAPropertyClearsOnlyWhenThatPropertyArrivesAfterTheRaise()
    {
        var rule = Compile("rpm");
        var state = rule.Start(new RuleStart(T0));
        rule.OnReading(state, Rpm(10));
        rule.OnClock(state, Registered, T0.AddSeconds(70));

        Assert.Equal(RuleStep.None, rule.AfterReadings(state, Registered));
        rule.OnReading(state, Rpm(65));
        Assert.Equal(RuleStep.None, rule.AfterReadings(state, Registered));
        rule.OnReading(state, Rpm(80));
        Assert.Equal(RuleTransition.Clear, rule.AfterReadings(state, Registered).Transition);
    }

    [Fact]
    public void APersonsClearRestartsTheSilenceCount()
    {
        var rule = Compile();
        var state = rule.Start(new RuleStart(T0));
        rule.OnClock(state, Registered, T0.AddSeconds(60));

        rule.OnAlarmCleared(state, byPerson: true, T0.AddSeconds(100));

        Assert.Equal(T0.AddSeconds(160), rule.NextDue(state, Registered));
    }

    [Fact]
    public void ExplainsHowLongItWasSilentAgainstThePeriod()
    {
        var rule = Compile("rpm", seconds: 900);
        var state = rule.Start(new RuleStart(T0));
        rule.OnReading(state, Rpm(300));

        var explanation = rule.Explain(state, RuleStep.Raise(double.NaN), Registered, T0.AddSeconds(1212.7));

        Assert.Equal(new RuleExplanation("No rpm readings for 912 s; the rule allows 900 s.", "rpm", 912, null, 900), explanation);
    }

    [Fact]
    public void ACheckpointRestoredGivesTheSameNextDecisions()
    {
        var rule = Compile("rpm");
        var live = rule.Start(new RuleStart(T0));
        rule.OnReading(live, Rpm(40));

        var restored = rule.Restore(live.Checkpoint())!;

        Assert.Equal(T0.AddSeconds(100), rule.NextDue(restored, Registered));
        Assert.Equal(RuleStep.None, rule.OnClock(restored, Registered, T0.AddSeconds(99)));
        Assert.Equal(RuleTransition.Raise, rule.OnClock(restored, Registered, T0.AddSeconds(100)).Transition);
        rule.OnClock(live, Registered, T0.AddSeconds(100));
        Assert.Equal(live.Checkpoint(), restored.Checkpoint());
    }

    [Fact]
    public void StartedWithAnAlarmOpenItClearsWithTheNextValueOfItsProperty()
    {
        var rule = Compile("rpm");
        var state = rule.Start(new RuleStart(T0.AddSeconds(50), AlarmOpenSince: T0.AddSeconds(20)));

        Assert.Null(rule.NextDue(state, Registered));
        rule.OnReading(state, Rpm(30));
        Assert.Equal(RuleTransition.Clear, rule.AfterReadings(state, Registered).Transition);
    }

    [Fact]
    public void BytesThatAreNotANoDataCheckpointAreRefused()
    {
        var rule = Compile();

        Assert.Null(rule.Restore([]));
        Assert.Null(rule.Restore([1, 0, 0, 0]));
        Assert.Null(rule.Restore(new CheckpointWriter(2).Time(T0).Time((DateTimeOffset?)null).Time((DateTimeOffset?)null).ToArray()));
    }
}
