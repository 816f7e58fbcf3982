using System.Text;
using IotService.Contracts.Telemetry;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserLimitTests
{
    private static string Readings(int count) =>
        "[" + string.Join(",", Enumerable.Repeat("""{"values":{"rpm":1}}""", count)) + "]";

    private static string Values(int count, string name = "rpm") =>
        "{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"{name}\":{i}")) + "}";

    [Fact]
    public void HasTheContractDefaults()
    {
        var limits = PayloadLimits.Default;

        Assert.Equal(65536, limits.MaxPayloadBytes);
        Assert.Equal(1000, limits.MaxReadingsPerMessage);
        Assert.Equal(256, limits.MaxValuesPerReading);
        Assert.Equal(TimeSpan.FromMinutes(5), limits.MaxFuture);
        Assert.Equal(TimeSpan.FromDays(7), limits.MaxPast);
    }

    [Fact]
    public void RejectsAPayloadOverTheByteLimitBeforeLookingAtIt()
    {
        var limits = PayloadLimits.Default with { MaxPayloadBytes = 20 };

        var tooLarge = Payload.Parse("{{{{{{{{{{ not json at all", limits: limits);
        var atLimit = Payload.Parse("""{"values":{"rpm":1}}""", limits: limits);

        Assert.True(tooLarge.IsMessageRejected);
        Assert.Equal(1, tooLarge.RejectedCount(RejectReason.PayloadTooLarge));
        Assert.Equal("payload of 26 bytes exceeds the limit of 20", tooLarge.FirstRejectionDetail);
        Assert.Equal(20, Encoding.UTF8.GetByteCount("""{"values":{"rpm":1}}"""));
        Assert.Single(atLimit.Readings);
    }

    [Fact]
    public void AcceptsAsManyReadingsAsTheLimitAllows()
    {
        var result = Payload.Parse(Readings(1000));

        Assert.Equal(1000, result.Readings.Count);
        Assert.Equal(0, result.TotalRejected);
    }

    [Fact]
    public void RejectsTheWholeMessageWhenItHasTooManyReadings()
    {
        var result = Payload.Parse(Readings(1001));

        Assert.True(result.IsMessageRejected);
        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.PayloadTooLarge));
        Assert.Equal(1, result.TotalRejected);
        Assert.Equal("message has more than 1000 readings", result.FirstRejectionDetail);
    }

    [Fact]
    public void CountsRejectedElementsTowardsTheReadingLimit()
    {
        var limits = PayloadLimits.Default with { MaxReadingsPerMessage = 2 };

        var result = Payload.Parse("""[1,{"values":{"rpm":1}},2]""", limits: limits);

        Assert.True(result.IsMessageRejected);
        Assert.Equal(1, result.RejectedCount(RejectReason.PayloadTooLarge));
    }

    [Fact]
    public void AcceptsAsManyValuesAsTheLimitAllowsAndKeepsTheLastOfRepeats()
    {
        var limits = PayloadLimits.Default with { MaxValuesPerReading = 3 };

        var result = Payload.Parse($$"""{"values":{{Values(3)}}}""", limits: limits);

        Assert.Equal([new PropertyReading("rpm", 2)], Assert.Single(result.Readings).Values);
    }

    [Fact]
    public void RejectsOnlyTheReadingWithTooManyValuesCountingIgnoredOnes()
    {
        var limits = PayloadLimits.Default with { MaxValuesPerReading = 3 };
        string json = """[{"values":{"rpm":1,"humidity":0,"humidity":1,"humidity":2},"ts":"bad"},"""
            + """{"values":{"rpm":1,"humidity":2,"x":0}}]""";

        var result = Payload.Parse(json, Payload.Lenient, limits);

        Assert.Equal([new PropertyReading("rpm", 1)], Assert.Single(result.Readings).Values);
        Assert.Equal(2, result.IgnoredValues);
        Assert.Equal(1, result.RejectedCount(RejectReason.PayloadTooLarge));
        Assert.Equal("reading [0]: reading has more than 3 values", result.FirstRejectionDetail);
    }

    [Fact]
    public void AcceptsAFullSizedPayloadOfTheDefaultLimits()
    {
        string reading = $$"""{"ts":"2026-11-23T09:59:00Z","values":{{Values(256, "temperature")}}}""";

        var result = Payload.Parse($"[{reading},{reading}]");

        Assert.Equal(2, result.Readings.Count);
        Assert.Equal(255, Assert.Single(result.Readings[1].Values).Value);
    }
}
