using IotService.Rules.Anomalies;
using IotService.Rules.Kinds;
using static IotService.Rules.Tests.Anomalies.CombinedRun;
using static IotService.Rules.Tests.Anomalies.HeatingLoop;

namespace IotService.Rules.Tests.Anomalies;

/// <summary>
/// An anomaly rule on every property: the per-property detectors and the multivariate detector behind one alarm. Each
/// scenario first warms the per-property detectors up (200 ordinary minutes; they may raise after 150), then makes one
/// part fire with a spike both properties share (the per-property part) or a return too low for its supply (the joint
/// part), and then the other.
/// </summary>
public sealed class CombinedAnomalyRuleTests
{
    private const int Warm = 200;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheAlarmIsRaisedOnceWhicheverPartRaisesFirstAndNotAgainWhenTheOtherFollows(bool perPropertyFirst)
    {
        var run = BothFire(perPropertyFirst);

        Assert.Single(run.When(PerProperty, RuleTransition.Raise));
        Assert.Single(run.When(Joint, RuleTransition.Raise));
        var first = perPropertyFirst ? run.When(PerProperty, RuleTransition.Raise)[0] : run.When(Joint, RuleTransition.Raise)[0];
        Assert.Equal([first], run.When(Combined, RuleTransition.Raise));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheAlarmStaysOpenWhenOnePartClearsWhileTheOtherStillFires(bool perPropertyFirst)
    {
        var run = BothFire(perPropertyFirst);
        var (firstClear, lastClear) = perPropertyFirst
            ? (run.When(Joint, RuleTransition.Clear).Single(), run.When(PerProperty, RuleTransition.Clear).Single())
            : (run.When(PerProperty, RuleTransition.Clear).Single(), run.When(Joint, RuleTransition.Clear).Single());

        Assert.True(firstClear < lastClear, $"one part clears at minute {firstClear}, before the other at {lastClear}");
        Assert.DoesNotContain(run.Events, e => e.Part == Combined && e.Minute <= firstClear && e.Transition == RuleTransition.Clear);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheAlarmClearsWhenTheLastFiringPartClearsAndNotBefore(bool perPropertyFirst)
    {
        var run = BothFire(perPropertyFirst);
        var lastClear = Math.Max(run.When(Joint, RuleTransition.Clear).Single(), run.When(PerProperty, RuleTransition.Clear).Single());

        Assert.Equal([lastClear], run.When(Combined, RuleTransition.Clear));
    }

    [Fact]
    public void ThePartThatRaisedLastExplains()
    {
        var run = new CombinedRun(Rule()).Feed(0, Warm, m => Normal(m)).Feed(Warm, Spike(Warm));
        var perProperty = run.Explain();
        run.Feed(Warm + 1, 2, Broken);
        var joint = run.Explain();

        Assert.Equal(("supply", 0), (perProperty.Property, perProperty.Contributors.Count));
        Assert.StartsWith("supply is", perProperty.Text, StringComparison.Ordinal);
        Assert.Equal(["return", "supply"], joint.Contributors.Select(c => c.Property).Order());
        Assert.Contains("do not fit together as usual", joint.Text, StringComparison.Ordinal);

        // The other way round: the per-property part raised last, so it explains.
        var reversed = new CombinedRun(Rule()).Feed(0, Warm, m => Normal(m)).Feed(Warm, 2, Broken);
        Assert.NotEmpty(reversed.Explain().Contributors);
        reversed.Feed(Warm + 2, BrokenSpike(Warm + 2));
        Assert.Equal(("supply", 0), (reversed.Explain().Property, reversed.Explain().Contributors.Count));
    }

    [Fact]
    public void AStateRestoredFromItsCheckpointTakesTheSameStepsAndExplainsAlike()
    {
        var rule = Rule();
        var live = new CombinedRun(rule).Feed(0, Warm, m => Normal(m)).Feed(Warm, Spike(Warm)).Feed(Warm + 1, 2, Broken);
        var bytes = live.State.Checkpoint();

        var restored = new CombinedRun(rule, rule.Restore(bytes)!);

        Assert.Equal(bytes, restored.State.Checkpoint());
        Assert.Equal(live.Explain() with { Contributors = [] }, restored.Explain() with { Contributors = [] });
        Assert.Equal(live.Explain().Contributors, restored.Explain().Contributors);
        live.Events.Clear();
        live.Feed(Warm + 3, 10, Broken).Feed(Warm + 13, 300, m => Normal(m));
        restored.Feed(Warm + 3, 10, Broken).Feed(Warm + 13, 300, m => Normal(m));
        Assert.Equal(live.Events.Where(e => e.Part == Combined), restored.Events);
        Assert.Single(restored.When(Combined, RuleTransition.Clear));
        Assert.Equal(live.State.Checkpoint(), restored.State.Checkpoint());
    }

    [Fact]
    public void ACheckpointWrittenBeforeTheModelHadADetectorKeepsThePerPropertyStateAndStartsTheJointPartAfresh()
    {
        var before = Rule(WithoutDetector);
        Assert.Null(before.Joint);
        var old = new CombinedRun(before).Feed(0, Warm, m => Normal(m)).Feed(Warm, Spike(Warm));
        Assert.Equal([Warm], old.When(Combined, RuleTransition.Raise));

        var after = Rule(WithDetector);
        var state = after.Restore(old.State.Checkpoint())!;

        Assert.Equal(old.State.PerProperty.Checkpoint(), state.PerProperty.Checkpoint());
        Assert.Equal(after.Joint!.Start(new RuleStart(T0)).Checkpoint(), state.Joint!.Checkpoint());

        // The per-property alarm is still open: the joint part raising adds nothing, and the alarm clears only once both are calm.
        var resumed = new CombinedRun(after, state).Feed(Warm + 1, 10, Broken).Feed(Warm + 11, 300, m => Normal(m));
        old.Events.Clear();
        old.Feed(Warm + 1, 10, Broken).Feed(Warm + 11, 300, m => Normal(m));
        Assert.Empty(resumed.When(Combined, RuleTransition.Raise));
        Assert.Equal(old.State.PerProperty.Checkpoint(), resumed.State.PerProperty.Checkpoint());
        Assert.Equal(old.When(PerProperty, RuleTransition.Clear), resumed.When(Combined, RuleTransition.Clear));
        Assert.NotEmpty(resumed.Explain().Contributors);
    }

    [Fact]
    public void ACheckpointWrittenWithADetectorRestoresThePerPropertyStateWhenTheModelNoLongerHasOne()
    {
        var old = new CombinedRun(Rule(WithDetector)).Feed(0, Warm, m => Normal(m));

        var state = Rule(WithoutDetector).Restore(old.State.Checkpoint());

        Assert.NotNull(state);
        Assert.Null(state.Joint);
        Assert.Equal(old.State.PerProperty.Checkpoint(), state.PerProperty.Checkpoint());
    }

    /// <summary>
    /// Per-property first: a shared spike (per-property raises), a return too low for ten minutes (the joint part raises,
    /// then clears two minutes after it ends), then ordinary minutes until the per-property event is over. Joint first:
    /// a return too low (the joint part raises), a spike on top of it (per-property raises), the low return for a long
    /// while (the per-property event ends meanwhile), then ordinary minutes (the joint part clears).
    /// </summary>
    private static CombinedRun BothFire(bool perPropertyFirst)
    {
        var run = new CombinedRun(Rule()).Feed(0, Warm, m => Normal(m));
        return perPropertyFirst
            ? run.Feed(Warm, Spike(Warm)).Feed(Warm + 1, 10, Broken).Feed(Warm + 11, 300, m => Normal(m))
            : run.Feed(Warm, 2, Broken).Feed(Warm + 2, BrokenSpike(Warm + 2)).Feed(Warm + 3, 300, Broken).Feed(Warm + 303, 10, m => Normal(m));
    }

    /// <summary>A spike both properties share while the return stays too low for its supply.</summary>
    private static (double Supply, double Return) BrokenSpike(int minute)
    {
        var (supply, ret) = Broken(minute);
        return (supply + 10, ret + 10);
    }

    private static CombinedAnomalyRule Rule(RuleScope? scope = null)
        => (CombinedAnomalyRule)new AnomalyKind().Compile(new RuleSpec("odd-loop", "anomaly"), scope ?? WithDetector).Rule!;
}
