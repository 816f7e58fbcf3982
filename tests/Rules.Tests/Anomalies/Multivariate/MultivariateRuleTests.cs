using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Rules.Tests.Anomalies.Multivariate;

/// <summary>The multivariate rule through the interface the host uses: readings, batch ends, checkpoints, explanations.</summary>
public sealed class MultivariateRuleTests
{
    private static readonly DateTimeOffset T0 = ChillerFleet.T0.AddDays(2);
    private static readonly DeviceActivity Device = new(T0.AddDays(-10), T0);
    private static readonly RuleScope Chiller = new(new Dictionary<string, string?> { ["supply"] = "°C", ["return"] = "°C" }, ChillerFleet.Model);

    private static ICompiledRule Rule(double? sensitivity = null)
        => MultivariateRule.For(new RuleSpec("odd-chiller", "anomaly", Sensitivity: sensitivity), Chiller)!;

    private static RuleStep Batch(ICompiledRule rule, IRuleState state, int minute, double supply, double ret)
    {
        var at = T0.AddMinutes(minute);
        rule.OnReading(state, new RuleReading("supply", supply, at, at));
        rule.OnReading(state, new RuleReading("return", ret, at, at));
        return rule.AfterReadings(state, Device);
    }

    [Fact]
    public void ABrokenRelationRaisesOnTheSecondBatchAndTheExplanationNamesBothProperties()
    {
        var rule = Rule();
        var state = rule.Start(new RuleStart(T0));
        Assert.Equal(RuleTransition.None, Batch(rule, state, 0, 10, 15).Transition);

        Assert.Equal(RuleTransition.None, Batch(rule, state, 1, 15, 10).Transition);
        var raise = Batch(rule, state, 2, 15, 10);

        Assert.Equal(RuleTransition.Raise, raise.Transition);
        var explanation = rule.Explain(state, raise, Device, T0.AddMinutes(2));
        Assert.Equal(["return", "supply"], explanation.Contributors.Select(c => c.Property).Order());
        Assert.All(explanation.Contributors, c => Assert.InRange(c.Share, 0.3, 0.7));
        var ret = explanation.Contributors.Single(c => c.Property == "return");
        var supply = explanation.Contributors.Single(c => c.Property == "supply");
        Assert.Equal((10.0, 15.0), (ret.Observed, supply.Observed));
        // The nearest point of the learned relation (return = supply + 5) splits the blame: supply 10, return 15.
        Assert.InRange(ret.Expected, 14.5, 15.5);
        Assert.InRange(supply.Expected, 9.5, 10.5);
        Assert.Equal(T0.AddMinutes(1), explanation.DeviatingSince);
        Assert.True(explanation.Score > 0.99);
        Assert.Contains("where", explanation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ItClearsAfterTwoNormalBatchesAndNotAfterOne()
    {
        var rule = Rule();
        var state = rule.Start(new RuleStart(T0, AlarmOpenSince: T0.AddHours(-1)));

        Assert.Equal(RuleTransition.None, Batch(rule, state, 0, 10, 15).Transition);
        Assert.Equal(RuleTransition.None, Batch(rule, state, 1, 15, 10).Transition);
        Assert.Equal(RuleTransition.None, Batch(rule, state, 2, 10, 15).Transition);
        Assert.Equal(RuleTransition.Clear, Batch(rule, state, 3, 10, 15).Transition);
    }

    [Fact]
    public void SensitivityMovesTheRaiseLevel()
    {
        // A return a little too cold for its supply: past the training p99.9, not far past it.
        var ret = Enumerable.Range(0, 400).Select(i => 15 - (i * 0.01)).First(r => ChillerFleet.Model.Score([10, r]) > 0.8);
        Assert.InRange(ChillerFleet.Model.Score([10, ret]), 0.8, 0.84);
        Assert.True(MultivariateLevels.For(1).RaiseAt < MultivariateLevels.For(0.5).RaiseAt);
        Assert.True(MultivariateLevels.For(0.5).RaiseAt < MultivariateLevels.For(0).RaiseAt);

        Assert.Equal(RuleTransition.Raise, Twice(Rule(sensitivity: 1), 10, ret));
        Assert.Equal(RuleTransition.None, Twice(Rule(sensitivity: 0.5), 10, ret));
        Assert.Equal(RuleTransition.None, Twice(Rule(sensitivity: 0), 10, ret));
    }

    [Fact]
    public void ACheckpointRestoresToIdenticalLaterSteps()
    {
        var rule = Rule();
        var live = rule.Start(new RuleStart(T0));
        Batch(rule, live, 0, 10, 15);
        Batch(rule, live, 1, 15, 10);

        var restored = rule.Restore(live.Checkpoint())!;

        Assert.Equal(live.Checkpoint(), restored.Checkpoint());
        double[][] later = [[15, 10], [10, 15], [10.5, 15.4], [9, 14.2], [16, 9]];
        for (var i = 0; i < later.Length; i++)
        {
            Assert.Equal(Batch(rule, live, 2 + i, later[i][0], later[i][1]), Batch(rule, restored, 2 + i, later[i][0], later[i][1]));
        }
    }

    [Fact]
    public void ACheckpointOfOtherPropertiesOrDamagedBytesIsRefused()
    {
        var rule = Rule();
        var state = rule.Start(new RuleStart(T0));
        Batch(rule, state, 0, 10, 15);
        var bytes = state.Checkpoint();

        Assert.Null(MultivariateState.Read(bytes, ["supply", "flow"]));
        Assert.Null(rule.Restore(bytes[..^3]));
        Assert.Null(rule.Restore([]));
        Assert.Null(rule.Restore([9, 9, 9]));
    }

    [Fact]
    public void LateAndNonNumericReadingsAreIgnored()
    {
        var rule = Rule();
        var state = rule.Start(new RuleStart(T0));
        Batch(rule, state, 5, 10, 15);

        Assert.Equal(RuleTransition.Ignored, rule.OnReading(state, new RuleReading("return", 0, T0, T0)).Transition);
        Assert.Equal(RuleTransition.Ignored, rule.OnReading(state, new RuleReading("return", double.NaN, T0.AddMinutes(6), T0)).Transition);
        Assert.Equal(RuleTransition.None, rule.AfterReadings(state, Device).Transition);
    }

    [Fact]
    public void ThereIsNoRuleWithoutATrainedDetectorOrWhenItReadsAnUndeclaredProperty()
    {
        var spec = new RuleSpec("odd-chiller", "anomaly");

        Assert.Null(MultivariateRule.For(spec, new RuleScope(new Dictionary<string, string?> { ["supply"] = "°C", ["return"] = "°C" })));
        Assert.Null(MultivariateRule.For(spec, new RuleScope(new Dictionary<string, string?> { ["supply"] = "°C" }, ChillerFleet.Model)));
        Assert.Equal(["supply", "return"], MultivariateRule.For(spec, Chiller)!.Properties);
    }

    [Fact]
    public void ALiveStateCarriesOverToARetrainedDetector()
    {
        var rule = Rule();
        var state = rule.Start(new RuleStart(T0));
        Batch(rule, state, 0, 15, 10);
        var retrained = MultivariateRule.For(new RuleSpec("odd-chiller", "anomaly"), new RuleScope(new Dictionary<string, string?> { ["supply"] = "°C", ["return"] = "°C" }, ChillerFleet.Model.WithVersion(2)))!;

        Assert.Equal(RuleTransition.Raise, Batch(retrained, state, 1, 15, 10).Transition);
    }

    private static RuleTransition Twice(ICompiledRule rule, double supply, double ret)
    {
        var state = rule.Start(new RuleStart(T0));
        Batch(rule, state, 0, supply, ret);
        return Batch(rule, state, 1, supply, ret).Transition;
    }
}
