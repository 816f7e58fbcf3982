using IotService.Storage.History;

namespace IotService.Storage.Tests.History;

public sealed class AggregatePointTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(double.PositiveInfinity, 1.7e308)]
    [InlineData(double.NegativeInfinity, -1.7e308)]
    [InlineData(double.NaN, 0)]
    [InlineData(3.5, 3.5)]
    public void AMeanThatOverflowedBecomesTheNearestBoundAndAFiniteOneIsKept(double mean, double expected)
    {
        var point = AggregatePoint.Of(Start, mean, -1.7e308, 1.7e308, 4);

        Assert.Equal(expected, point.Mean);
        Assert.Equal((-1.7e308, 1.7e308, 4L), (point.Min, point.Max, point.Count));
    }

    [Fact]
    public void RoundingNeverPutsTheMeanOutsideMinAndMax()
    {
        Assert.Equal(2.0, AggregatePoint.Of(Start, 2.0000000000000004, 1, 2, 3).Mean);
    }

    [Fact]
    public void MissingBoundsBecomeTheOtherBoundOrZero()
    {
        var point = AggregatePoint.Of(Start, double.NaN, double.NaN, 7, 1);
        var none = AggregatePoint.Of(Start, double.NaN, double.NaN, double.NaN, 1);

        Assert.Equal((7.0, 7.0, 7.0), (point.Mean, point.Min, point.Max));
        Assert.Equal((0.0, 0.0, 0.0), (none.Mean, none.Min, none.Max));
    }
}
