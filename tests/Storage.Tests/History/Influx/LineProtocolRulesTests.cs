using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.Storage.History.Influx;

namespace IotService.Storage.Tests.History.Influx;

public sealed class LineProtocolRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AcceptsAnOrdinaryPoint()
        => Assert.Null(LineProtocolRules.FindProblem(Point("site:a.b-1", "filter.life-pct", 80)));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RefusesValuesThatAreNotFinite(double value)
        => Assert.Contains("finite", LineProtocolRules.FindProblem(Point("d1", "temp", value)), StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("tab\t")]
    [InlineData(@"trailing\")]
    public void RefusesDeviceIdsLineProtocolCannotCarry(string device)
        => Assert.StartsWith("device id", LineProtocolRules.FindProblem(Point(device, "temp", 1)), StringComparison.Ordinal);

    [Theory]
    [InlineData(@"a\ b")]
    [InlineData(@"a\,b")]
    [InlineData(@"a\=b")]
    [InlineData(@"a\")]
    [InlineData("")]
    public void RefusesPropertyNamesLineProtocolCannotCarry(string property)
        => Assert.StartsWith("property name", LineProtocolRules.FindProblem(Point("d1", property, 1)), StringComparison.Ordinal);

    [Theory]
    [InlineData(@"a\b")]
    [InlineData(@"a\\b")]
    [InlineData("a b,c=d")]
    [InlineData("quote\"s")]
    [InlineData("=leading")]
    public void AcceptsPropertyNamesWithEscapableCharactersAndInnerBackslashes(string property)
        => Assert.Null(LineProtocolRules.FindProblem(Point("d1", property, 1)));

    [Fact]
    public void AcceptsABackslashBeforeACommaInATagValue()
        => Assert.Null(LineProtocolRules.FindProblem(Point(@"a\,b", "temp", 1)));

    [Fact]
    public void RefusesTimesOutsideInfluxDbsRange()
    {
        Assert.NotNull(LineProtocolRules.FindProblem(Point("d1", "temp", 1) with { Timestamp = new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
        Assert.NotNull(LineProtocolRules.FindProblem(Point("d1", "temp", 1) with { Timestamp = DateTimeOffset.MinValue }));
        Assert.Null(LineProtocolRules.FindProblem(Point("d1", "temp", 1) with { Timestamp = new DateTimeOffset(1700, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
    }

    [Fact]
    public void RefusesAPointWithoutValues()
        => Assert.Equal("the point has no values", LineProtocolRules.FindProblem(Point("d1", "temp", 1) with { Values = [] }));

    [Fact]
    public void RefusesAnEmptyModelButNotAMissingCustomer()
    {
        Assert.StartsWith("model id", LineProtocolRules.FindProblem(Point("d1", "temp", 1) with { ModelId = "" }), StringComparison.Ordinal);
        Assert.Null(LineProtocolRules.FindProblem(Point("d1", "temp", 1) with { CustomerId = null }));
    }

    private static HistoryPoint Point(string device, string property, double value)
        => new(device, "model-a", "cust-1", T0, [new PropertyReading(property, value)]);
}
