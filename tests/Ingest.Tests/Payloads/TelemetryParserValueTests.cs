using System.Text;
using IotService.Contracts.Models;
using IotService.Contracts.Telemetry;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserValueTests
{
    [Fact]
    public void CountsBooleansAsOneAndZero()
    {
        var result = Payload.Parse("""{"values":{"door":true,"rpm":false}}""");

        Assert.Equal([new("door", 1), new PropertyReading("rpm", 0)], Assert.Single(result.Readings).Values);
    }

    [Theory]
    [InlineData("-1.5e3", -1500)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("1e-400", 0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    [InlineData("12345678901234567890", 12345678901234567890d)]
    public void AcceptsAnyFiniteJsonNumber(string number, double expected)
    {
        var result = Payload.Parse($$$"""{"values":{"rpm":{{{number}}}}}""");

        Assert.Equal(expected, Assert.Single(Assert.Single(result.Readings).Values).Value);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1.8e308")]
    public void RejectsNumbersBeyondDoubleAsNotFinite(string number)
    {
        var result = Payload.Parse($$$"""{"values":{"rpm":1,"temperature":{{{number}}}}}""");

        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.InvalidValue));
        Assert.Equal("value of 'temperature' is not a finite number", result.FirstRejectionDetail);
    }

    [Theory]
    [InlineData("\"71.3\"")]
    [InlineData("null")]
    [InlineData("{\"v\":1}")]
    [InlineData("[1]")]
    [InlineData("\"NaN\"")]
    public void RejectsValuesThatAreNotNumbersOrBooleans(string value)
    {
        var result = Payload.Parse($$$"""{"values":{"temperature":{{{value}}},"rpm":1}}""");

        Assert.Empty(result.Readings);
        Assert.Equal(RejectReason.InvalidValue, result.FirstRejection);
        Assert.Equal(1, result.TotalRejected);
        Assert.Equal("value of 'temperature' is not a number or a boolean", result.FirstRejectionDetail);
    }

    [Fact]
    public void RejectsAReadingWithAnUndeclaredPropertyUnderRejectPolicy()
    {
        var result = Payload.Parse("""{"values":{"rpm":1,"humidity":40}}""", Payload.Strict);

        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.UndeclaredProperty));
        Assert.Equal("property 'humidity' is not declared by the model", result.FirstRejectionDetail);
    }

    [Fact]
    public void DropsUndeclaredValuesAndCountsThemUnderIgnorePolicy()
    {
        var result = Payload.Parse(
            """[{"values":{"humidity":"wet","rpm":1,"pressure":{"x":1}}},{"values":{"door":true,"humidity":2}}]""",
            Payload.Lenient);

        Assert.Equal(2, result.Readings.Count);
        Assert.Equal([new PropertyReading("rpm", 1)], result.Readings[0].Values);
        Assert.Equal([new PropertyReading("door", 1)], result.Readings[1].Values);
        Assert.Equal(3, result.IgnoredValues);
        Assert.Equal(0, result.TotalRejected);
    }

    [Fact]
    public void RejectsAReadingLeftWithNoValuesAfterIgnoringAndNoLocation()
    {
        var result = Payload.Parse("""{"values":{"humidity":40}}""", Payload.Lenient);

        Assert.Empty(result.Readings);
        Assert.Equal(0, result.IgnoredValues);
        Assert.Equal(1, result.RejectedCount(RejectReason.MalformedJson));
    }

    [Fact]
    public void MatchesPropertyNamesCaseSensitively()
    {
        var result = Payload.Parse("""{"values":{"Temperature":1}}""");

        Assert.Equal(1, result.RejectedCount(RejectReason.UndeclaredProperty));
        Assert.Equal("property 'Temperature' is not declared by the model", result.FirstRejectionDetail);
    }

    [Fact]
    public void MatchesEscapedAndNonAsciiNames()
    {
        var schema = PropertySchema.Create(["température", "𝜏", "a\"b"], UnknownPropertyPolicy.Reject);

        var result = Payload.Parse("""{"values":{"temp\u00e9rature":1,"\ud835\udf0f":2,"a\"b":3}}""", schema);

        Assert.Equal([new("température", 1), new("𝜏", 2), new PropertyReading("a\"b", 3)], Assert.Single(result.Readings).Values);
    }

    [Fact]
    public void MatchesNamesLongerThanTheStackBuffer()
    {
        string longName = new('p', 300);
        var schema = PropertySchema.Create([longName], UnknownPropertyPolicy.Reject);

        var result = Payload.Parse($$$"""{"values":{"{{{longName}}}":1}}""", schema);

        Assert.Same(longName, Assert.Single(Assert.Single(result.Readings).Values).Property);
    }

    [Fact]
    public void ShortensLongUndeclaredNamesInTheDetail()
    {
        var result = Payload.Parse($$$"""{"values":{"{{{new string('x', 500)}}}":1}}""");

        Assert.Equal($"property '{new string('x', 64)}…' is not declared by the model", result.FirstRejectionDetail);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00x")]
    [InlineData("a\\ud800\\u0041")]
    public void RejectsNamesWithUnpairedSurrogatesAsMalformedUnderEitherPolicy(string escapedName)
    {
        string payload = $$$"""[{"values":{"{{{escapedName}}}":1,"rpm":2}},{"values":{"rpm":3}}]""";

        foreach (var schema in new[] { Payload.Strict, Payload.Lenient })
        {
            var result = Payload.Parse(payload, schema);

            Assert.Equal([new PropertyReading("rpm", 3)], Assert.Single(result.Readings).Values);
            Assert.Equal(1, result.RejectedCount(RejectReason.MalformedJson));
            Assert.Equal("reading [0]: a property name is not valid Unicode", result.FirstRejectionDetail);
        }
    }

    [Fact]
    public void RejectsNamesThatAreNotValidUtf8AsMalformed()
    {
        byte[] payload = [.. "{\"values\":{\"r"u8, 0xC3, 0x28, .. "\":1}}"u8];

        var result = Payload.Parse(payload, Payload.Lenient);

        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.MalformedJson));
        Assert.Equal("a property name is not valid Unicode", result.FirstRejectionDetail);
    }

    [Fact]
    public void ReportsTheFirstProblemOfAReadingAndStillReadsToItsEnd()
    {
        var result = Payload.Parse(
            """[{"values":{"temperature":"hot","humidity":1,"rpm":[1,{"a":[2]}]},"ts":"bad","location":7},{"values":{"rpm":3}}]""");

        Assert.Equal([new PropertyReading("rpm", 3)], Assert.Single(result.Readings).Values);
        Assert.Equal(1, result.TotalRejected);
        Assert.Equal(1, result.RejectedCount(RejectReason.InvalidValue));
        Assert.Equal("reading [0]: value of 'temperature' is not a number or a boolean", result.FirstRejectionDetail);
    }

    [Fact]
    public void AcceptsAPayloadWithManyEscapedNamesSplitAcrossSegments()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("""{"values":{"\u0072\u0070\u006d":1,"d\u006fo\u0072":true}}""");

        var result = TelemetryParser.Parse(Payload.Split(bytes, 14, 15, 16, 30), Payload.Strict, Payload.ReceivedAt, PayloadLimits.Default);

        Assert.Equal([new("rpm", 1), new PropertyReading("door", 1)], Assert.Single(result.Readings).Values);
    }
}
