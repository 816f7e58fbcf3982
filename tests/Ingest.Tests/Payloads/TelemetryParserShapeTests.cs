using System.Text;
using IotService.Contracts.Common;
using IotService.Contracts.Telemetry;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserShapeTests
{
    private const string ContractExample =
        """{"ts":"2026-11-23T10:00:00.000Z","values":{"temperature":71.3,"rpm":1200,"door":true},"location":{"lat":31.23,"lon":121.47}}""";

    [Fact]
    public void ParsesTheContractExampleIntoOneReadingWithValuesInPayloadOrder()
    {
        var result = Payload.Parse(ContractExample);

        var reading = Assert.Single(result.Readings);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), reading.Timestamp);
        Assert.Equal([new("temperature", 71.3), new("rpm", 1200), new PropertyReading("door", 1)], reading.Values);
        Assert.Equal(new GeoPoint(31.23, 121.47), reading.Location);
        Assert.Equal(0, result.TotalRejected);
        Assert.Equal(0, result.IgnoredValues);
        Assert.False(result.IsMessageRejected);
        Assert.Null(result.FirstRejection);
        Assert.Null(result.FirstRejectionDetail);
    }

    [Fact]
    public void ParsesAnArrayIntoReadingsInPayloadOrder()
    {
        var result = Payload.Parse("""[{"values":{"rpm":1}},{"values":{"rpm":2}},{"values":{"rpm":3}}]""");

        Assert.Equal([1.0, 2.0, 3.0], result.Readings.Select(r => Assert.Single(r.Values).Value));
        Assert.Equal(0, result.TotalRejected);
    }

    [Fact]
    public void ReturnsTheSchemasOwnNameInstancesInReadings()
    {
        var result = Payload.Parse("""{"values":{"temp\u0065rature":1,"rpm":2}}""");

        var values = Assert.Single(result.Readings).Values;
        Assert.Same(Payload.DeclaredNames[0], values[0].Property);
        Assert.Same(Payload.DeclaredNames[1], values[1].Property);
    }

    [Fact]
    public void IgnoresUnknownTopLevelFieldsWhateverTheyHold()
    {
        var result = Payload.Parse("""{"fw":"1.2","seq":[1,{"a":null}],"values":{"rpm":5},"extra":{"deep":[[]]}}""");

        Assert.Equal([new PropertyReading("rpm", 5)], Assert.Single(result.Readings).Values);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t")]
    [InlineData("{")]
    [InlineData("""{"values":{"rpm":1}""")]
    [InlineData("""{"values":{"rpm":1}} {}""")]
    [InlineData("""{"values":{"rpm":1}} x""")]
    [InlineData("""{"values":{"rpm":01}}""")]
    [InlineData("""{'values':{'rpm':1}}""")]
    [InlineData("""{"values":{"rpm":1,}}""")]
    [InlineData("""{"values":{"rpm":1}}/* comment */""")]
    [InlineData("\uFEFF{\"values\":{\"rpm\":1}}")]
    [InlineData("42")]
    [InlineData("\"online\"")]
    [InlineData("null")]
    [InlineData("[]")]
    public void RejectsTheWholeMessageAsMalformedWhenItIsNotJsonOrNotAnObjectOrArray(string payload)
    {
        var result = Payload.Parse(payload);

        Assert.True(result.IsMessageRejected);
        Assert.Empty(result.Readings);
        Assert.Equal(RejectReason.MalformedJson, result.FirstRejection);
        Assert.Equal(1, result.RejectedCount(RejectReason.MalformedJson));
        Assert.Equal(1, result.TotalRejected);
        Assert.NotNull(result.FirstRejectionDetail);
    }

    [Fact]
    public void DiscardsGoodReadingsWhenTheArrayBreaksLater()
    {
        var result = Payload.Parse("""[{"values":{"rpm":1}},{"values":{"rpm":2}},{"values":""");

        Assert.True(result.IsMessageRejected);
        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.MalformedJson));
        Assert.StartsWith("payload is not valid JSON (line 1, byte ", result.FirstRejectionDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ts":"2026-11-23T10:00:00Z"}""", "reading has no 'values' object")]
    [InlineData("""{"values":[1,2]}""", "'values' is not an object")]
    [InlineData("""{"values":3}""", "'values' is not an object")]
    [InlineData("""{"values":"rpm=1"}""", "'values' is not an object")]
    [InlineData("""{"values":null}""", "'values' is not an object")]
    [InlineData("""{"values":{}}""", "reading carries no values and no location")]
    public void RejectsAReadingOfTheWrongShapeAsMalformed(string payload, string detail)
    {
        var result = Payload.Parse(payload);

        Assert.Empty(result.Readings);
        Assert.False(result.IsMessageRejected);
        Assert.Equal(1, result.RejectedCount(RejectReason.MalformedJson));
        Assert.Equal(RejectReason.MalformedJson, result.FirstRejection);
        Assert.Equal(detail, result.FirstRejectionDetail);
    }

    [Fact]
    public void AcceptsEmptyValuesWhenTheReadingCarriesALocation()
    {
        var result = Payload.Parse("""{"values":{},"location":{"lat":1,"lon":2}}""");

        var reading = Assert.Single(result.Readings);
        Assert.Empty(reading.Values);
        Assert.Equal(new GeoPoint(1, 2), reading.Location);
    }

    [Fact]
    public void RejectsOnlyTheArrayElementsThatAreNotObjects()
    {
        var result = Payload.Parse("""[1,{"values":{"rpm":1}},"x",[{"values":{"rpm":2}}],null,{"values":{"rpm":3}}]""");

        Assert.Equal(2, result.Readings.Count);
        Assert.Equal(4, result.RejectedCount(RejectReason.MalformedJson));
        Assert.Equal(4, result.TotalRejected);
        Assert.Equal("reading [0]: reading is not an object", result.FirstRejectionDetail);
    }

    [Fact]
    public void KeepsTheLastValueOfAPropertyThatAppearsTwice()
    {
        var result = Payload.Parse("""{"values":{"rpm":1,"door":false,"rpm":2}}""");

        Assert.Equal([new("rpm", 2), new PropertyReading("door", 0)], Assert.Single(result.Readings).Values);
    }

    [Fact]
    public void KeepsOnlyTheLastValuesObjectWhenItAppearsTwice()
    {
        var result = Payload.Parse("""{"values":{"rpm":1,"door":true},"values":{"temperature":3}}""");

        Assert.Equal([new PropertyReading("temperature", 3)], Assert.Single(result.Readings).Values);
    }

    [Fact]
    public void ParsesAPayloadSplitAcrossSegmentsAtEveryPositionTheSameWay()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("""[{"values":{"temp\u0065rature":-1.5e2,"rpm":1200}},""" + ContractExample + "]");

        for (int cut = 1; cut < bytes.Length; cut++)
        {
            var result = TelemetryParser.Parse(
                Payload.Split(bytes, cut / 2, cut), Payload.Strict, Payload.ReceivedAt, PayloadLimits.Default);

            Assert.Equal(0, result.TotalRejected);
            Assert.Equal(2, result.Readings.Count);
            Assert.Equal([new("temperature", -150), new PropertyReading("rpm", 1200)], result.Readings[0].Values);
            Assert.Equal(new GeoPoint(31.23, 121.47), result.Readings[1].Location);
        }
    }
}
