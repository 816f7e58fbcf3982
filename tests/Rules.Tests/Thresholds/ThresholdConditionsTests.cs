using IotService.Rules.Thresholds;

namespace IotService.Rules.Tests.Thresholds;

public sealed class ThresholdConditionsTests
{
    private static ThresholdRule Rule(ThresholdOperator op, double value, double? high = null, double? clear = null) =>
        new("r1", "temperature", op, value, high, TimeSpan.Zero, clear);

    [Theory]
    [InlineData(ThresholdOperator.GreaterThan, 80.0, 80.0, false)]
    [InlineData(ThresholdOperator.GreaterThan, 80.0, 80.0001, true)]
    [InlineData(ThresholdOperator.GreaterThan, 80.0, 79.9, false)]
    [InlineData(ThresholdOperator.GreaterOrEqual, 80.0, 80.0, true)]
    [InlineData(ThresholdOperator.GreaterOrEqual, 80.0, 79.9999, false)]
    [InlineData(ThresholdOperator.LessThan, 10.0, 10.0, false)]
    [InlineData(ThresholdOperator.LessThan, 10.0, 9.9999, true)]
    [InlineData(ThresholdOperator.LessOrEqual, 10.0, 10.0, true)]
    [InlineData(ThresholdOperator.LessOrEqual, 10.0, 10.0001, false)]
    [InlineData(ThresholdOperator.EqualTo, 3.0, 3.0, true)]
    [InlineData(ThresholdOperator.EqualTo, 3.0, 3.0000000001, true)]
    [InlineData(ThresholdOperator.EqualTo, 3.0, 3.001, false)]
    [InlineData(ThresholdOperator.EqualTo, 0.0, 1e-10, true)]
    [InlineData(ThresholdOperator.EqualTo, 0.0, 1e-8, false)]
    [InlineData(ThresholdOperator.EqualTo, 1e12, 1e12 + 100, true)]
    public void EachOperatorComparesAtItsBoundaryAsDocumented(ThresholdOperator op, double limit, double value, bool expected) =>
        Assert.Equal(expected, ThresholdConditions.IsMet(Rule(op, limit), value));

    [Theory]
    [InlineData(19.9, true)]
    [InlineData(20.0, false)]
    [InlineData(25.0, false)]
    [InlineData(30.0, false)]
    [InlineData(30.1, true)]
    public void OutsideRangeFiresOnlyStrictlyBelowLowOrAboveHigh(double value, bool expected) =>
        Assert.Equal(expected, ThresholdConditions.IsMet(Rule(ThresholdOperator.OutsideRange, 20, 30), value));

    [Fact]
    public void OutsideWithoutHighValueMeansBelowLow()
    {
        var rule = Rule(ThresholdOperator.OutsideRange, 20);

        Assert.True(ThresholdConditions.IsMet(rule, 19));
        Assert.False(ThresholdConditions.IsMet(rule, 1e300));
    }

    [Theory]
    [InlineData(80.0, false)]
    [InlineData(75.0, false)]
    [InlineData(74.99, true)]
    public void GreaterThanClearsOnlyStrictlyBelowTheClearValue(double value, bool expected) =>
        Assert.Equal(expected, ThresholdConditions.IsCleared(Rule(ThresholdOperator.GreaterThan, 80, clear: 75), value));

    [Theory]
    [InlineData(10.0, false)]
    [InlineData(15.0, false)]
    [InlineData(15.01, true)]
    public void LessThanClearsOnlyStrictlyAboveTheClearValue(double value, bool expected) =>
        Assert.Equal(expected, ThresholdConditions.IsCleared(Rule(ThresholdOperator.LessThan, 10, clear: 15), value));

    [Theory]
    [InlineData(21.0, false)]
    [InlineData(22.0, false)]
    [InlineData(22.5, true)]
    [InlineData(27.5, true)]
    [InlineData(28.0, false)]
    public void OutsideRangeWithClearValueClearsOnlyInsideTheShrunkBand(double value, bool expected) =>
        Assert.Equal(expected, ThresholdConditions.IsCleared(Rule(ThresholdOperator.OutsideRange, 20, 30, clear: 2), value));

    [Fact]
    public void MisplacedClearValueNeverClearsWhileTheConditionHolds() =>
        Assert.False(ThresholdConditions.IsCleared(Rule(ThresholdOperator.GreaterThan, 80, clear: 90), 85));

    [Fact]
    public void WithoutClearValueTheRuleClearsWhenTheConditionIsFalse()
    {
        var rule = Rule(ThresholdOperator.GreaterThan, 80);

        Assert.True(ThresholdConditions.IsCleared(rule, 80));
        Assert.False(ThresholdConditions.IsCleared(rule, 80.5));
    }
}
