using IotService.Contracts.Telemetry;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserMixedArrayTests
{
    [Fact]
    public void AcceptsTheGoodReadingsAndCountsTheBadOnesByReason()
    {
        string json = """
            [
              {"values":{"rpm":1}},
              {"values":{"temperature":1e400}},
              {"values":{"humidity":3}},
              {"ts":"2020-01-01T00:00:00Z","values":{"rpm":4}},
              {"values":{"rpm":5},"location":{"lat":95,"lon":0}},
              "six",
              {"values":{}},
              {"values":{"rpm":8,"door":true},"location":{"lat":1,"lon":2}}
            ]
            """;

        var result = Payload.Parse(json);

        Assert.Equal(2, result.Readings.Count);
        Assert.Equal([new PropertyReading("rpm", 1)], result.Readings[0].Values);
        Assert.Equal([new("rpm", 8), new PropertyReading("door", 1)], result.Readings[1].Values);
        Assert.Equal(1, result.RejectedCount(RejectReason.InvalidValue));
        Assert.Equal(1, result.RejectedCount(RejectReason.UndeclaredProperty));
        Assert.Equal(1, result.RejectedCount(RejectReason.TimestampOutOfRange));
        Assert.Equal(1, result.RejectedCount(RejectReason.InvalidLocation));
        Assert.Equal(2, result.RejectedCount(RejectReason.MalformedJson));
        Assert.Equal(0, result.RejectedCount(RejectReason.PayloadTooLarge));
        Assert.Equal(6, result.TotalRejected);
        Assert.False(result.IsMessageRejected);
        Assert.Equal(RejectReason.InvalidValue, result.FirstRejection);
        Assert.Equal("reading [1]: value of 'temperature' is not a finite number", result.FirstRejectionDetail);
    }

    [Fact]
    public void ReportsZeroForEveryReasonWhenAllReadingsAreAccepted()
    {
        var result = Payload.Parse("""[{"values":{"rpm":1}},{"values":{"rpm":2}}]""");

        Assert.All(Enum.GetValues<RejectReason>(), reason => Assert.Equal(0, result.RejectedCount(reason)));
    }

    [Fact]
    public void ReportsOneForTheReasonOfAWholeMessageRejectionOnly()
    {
        var result = Payload.Parse("[");

        Assert.All(
            Enum.GetValues<RejectReason>(),
            reason => Assert.Equal(reason == RejectReason.MalformedJson ? 1 : 0, result.RejectedCount(reason)));
    }

    [Fact]
    public void ReturnsNoReadingsAndAllRejectionsWhenEveryElementIsBad()
    {
        var result = Payload.Parse("""[{"values":{"rpm":"1"}},{"values":{"rpm":null}}]""");

        Assert.Empty(result.Readings);
        Assert.False(result.IsMessageRejected);
        Assert.Equal(2, result.RejectedCount(RejectReason.InvalidValue));
        Assert.Equal("reading [0]: value of 'rpm' is not a number or a boolean", result.FirstRejectionDetail);
    }
}
