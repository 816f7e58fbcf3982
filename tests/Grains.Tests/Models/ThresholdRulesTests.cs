using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Models;
using IotService.Rules.Thresholds;

namespace IotService.Grains.Tests.Models;

public sealed class ThresholdRulesTests
{
    [Fact]
    public void EveryFieldOfAThresholdDefinitionReachesTheRule()
    {
        var definition = new RuleDefinition("band", "threshold", Severity.Major, "rpm", "outside", 100, HighValue: 4000, DurationSeconds: 90.5, ClearValue: 50);

        var rule = ThresholdRules.FromDefinition(definition);

        Assert.Equal(
            new ThresholdRule("band", "rpm", ThresholdOperator.OutsideRange, 100, 4000, TimeSpan.FromSeconds(90.5), 50, RuleSeverity.Major),
            rule);
    }

    [Fact]
    public void AMissingDurationRaisesAtOnce()
        => Assert.Equal(TimeSpan.Zero, ThresholdRules.FromDefinition(new RuleDefinition("hot", "threshold", Severity.Critical, "t", ">=", 90)).Duration);

    [Fact]
    public void AnEnormousDurationIsClampedRatherThanOverflowing()
        => Assert.Equal(TimeSpan.MaxValue, ThresholdRules.FromDefinition(new RuleDefinition("hot", "threshold", Severity.Warning, "t", "<", 1, DurationSeconds: 1e300)).Duration);

    [Theory]
    [InlineData("anomaly", ">", 1.0, Severity.Minor)]
    [InlineData("threshold", "~=", 1.0, Severity.Minor)]
    [InlineData("threshold", ">", null, Severity.Minor)]
    [InlineData("threshold", ">", 1.0, Severity.None)]
    public void WhatIsNotAThresholdRuleIsRefused(string kind, string op, double? value, Severity severity)
        => Assert.Throws<ArgumentException>(() => ThresholdRules.FromDefinition(new RuleDefinition("r", kind, severity, "t", op, value)));
}
