using System.Globalization;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserTimestampTests
{
    private static DateTimeOffset ParseSingleTimestamp(string tsJson)
    {
        var result = Payload.Parse($$$"""{"ts":{{{tsJson}}},"values":{"rpm":1}}""");
        Assert.Equal(0, result.TotalRejected);
        return Assert.Single(result.Readings).Timestamp;
    }

    private static ParseResult ParseWithTimestamp(string tsJson) =>
        Payload.Parse($$$"""{"ts":{{{tsJson}}},"values":{"rpm":1}}""");

    [Fact]
    public void UsesTheReceiveTimeWhenTsIsMissingOrNull()
    {
        var missing = Assert.Single(Payload.Parse("""{"values":{"rpm":1}}""").Readings);

        Assert.Equal(Payload.ReceivedAt, missing.Timestamp);
        Assert.Equal(Payload.ReceivedAt, ParseSingleTimestamp("null"));
    }

    [Fact]
    public void ReturnsTheReceiveTimeInUtcWhenItCarriesAnOffset()
    {
        var receivedAt = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(8));

        var result = TelemetryParser.Parse(Payload.Utf8("""{"values":{"rpm":1}}"""), Payload.Strict, receivedAt, PayloadLimits.Default);

        var timestamp = Assert.Single(result.Readings).Timestamp;
        Assert.Equal(TimeSpan.Zero, timestamp.Offset);
        Assert.Equal(Payload.ReceivedAt, timestamp);
    }

    [Theory]
    [InlineData("\"2026-11-23T09:59:30Z\"", "2026-11-23T09:59:30.0000000Z")]
    [InlineData("\"2026-11-23T09:59:30.250Z\"", "2026-11-23T09:59:30.2500000Z")]
    [InlineData("\"2026-11-23T09:59:30.1234567Z\"", "2026-11-23T09:59:30.1234567Z")]
    [InlineData("\"2026-11-23T17:59:30+08:00\"", "2026-11-23T09:59:30.0000000Z")]
    [InlineData("\"2026-11-23T04:29:30-05:30\"", "2026-11-23T09:59:30.0000000Z")]
    [InlineData("\"2026-11-23T09:59:30\"", "2026-11-23T09:59:30.0000000Z")]
    [InlineData("\"2026-11-23T09:59:30\\u005A\"", "2026-11-23T09:59:30.0000000Z")]
    public void ParsesIsoTimestampsIntoUtc(string tsJson, string expectedUtc)
    {
        var timestamp = ParseSingleTimestamp(tsJson);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, CultureInfo.InvariantCulture), timestamp);
        Assert.Equal(TimeSpan.Zero, timestamp.Offset);
    }

    [Fact]
    public void ParsesEpochMillisecondsWrittenAsIntegersFractionsOrExponents()
    {
        long ms = Payload.ReceivedAt.AddSeconds(-30).ToUnixTimeMilliseconds();

        Assert.Equal(Payload.ReceivedAt.AddSeconds(-30), ParseSingleTimestamp($"{ms}"));
        Assert.Equal(Payload.ReceivedAt.AddSeconds(-30).AddTicks(5000), ParseSingleTimestamp($"{ms}.5"));
        Assert.Equal(Payload.ReceivedAt.AddSeconds(-30), ParseSingleTimestamp($"{ms / 1000}e3"));
    }

    [Fact]
    public void AcceptsTimestampsExactlyAtTheEdgesOfTheWindow()
    {
        var oldest = Payload.ReceivedAt - PayloadLimits.Default.MaxPast;
        var newest = Payload.ReceivedAt + PayloadLimits.Default.MaxFuture;

        Assert.Equal(oldest, ParseSingleTimestamp($"{oldest.ToUnixTimeMilliseconds()}"));
        Assert.Equal(newest, ParseSingleTimestamp($"\"{newest:O}\""));
    }

    [Theory]
    [InlineData(-7 * 24 * 60 * 60 * 1000L - 1, "'ts' is further in the past than allowed")]
    [InlineData(5 * 60 * 1000L + 1, "'ts' is further in the future than allowed")]
    [InlineData(-365L * 24 * 60 * 60 * 1000, "'ts' is further in the past than allowed")]
    public void RejectsTimestampsOutsideTheWindow(long offsetMs, string detail)
    {
        long ms = Payload.ReceivedAt.ToUnixTimeMilliseconds() + offsetMs;

        var result = ParseWithTimestamp($"{ms}");

        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.TimestampOutOfRange));
        Assert.Equal(detail, result.FirstRejectionDetail);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"\"")]
    [InlineData("\"2026-11-23\"")]
    [InlineData("\"2026-11-23 10:00:00Z\"")]
    [InlineData("\"2026-13-01T00:00:00Z\"")]
    [InlineData("\"2026-11-23T10:00:00.12345678Z\"")]
    [InlineData("\"2026-11-23T10:00:00+15:00\"")]
    [InlineData("\"2026-11-23T10:00:00\\ud800\"")]
    [InlineData("\"2026-11-23T10:00:00Z                                                                  \"")]
    [InlineData("1e300")]
    [InlineData("-1e300")]
    [InlineData("1e400")]
    [InlineData("99999999999999999999")]
    public void RejectsTimestampsThatCannotBeParsed(string tsJson)
    {
        var result = ParseWithTimestamp(tsJson);

        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.TimestampOutOfRange));
        Assert.Equal("'ts' is neither an ISO 8601 time nor Unix epoch milliseconds", result.FirstRejectionDetail);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{\"ms\":1}")]
    [InlineData("[2026,11,23]")]
    public void RejectsTimestampsOfTheWrongTypeAsMalformed(string tsJson)
    {
        var result = ParseWithTimestamp(tsJson);

        Assert.Empty(result.Readings);
        Assert.Equal(1, result.RejectedCount(RejectReason.MalformedJson));
        Assert.Equal("'ts' is neither a string nor a number", result.FirstRejectionDetail);
    }

    [Fact]
    public void HonoursCustomWindowLimits()
    {
        var limits = PayloadLimits.Default with { MaxPast = TimeSpan.FromMinutes(1), MaxFuture = TimeSpan.Zero };
        string json = """[{"ts":"2026-11-23T09:58:59Z","values":{"rpm":1}},{"ts":"2026-11-23T09:59:00Z","values":{"rpm":2}},"""
            + """{"ts":"2026-11-23T10:00:00.001Z","values":{"rpm":3}}]""";

        var result = Payload.Parse(json, limits: limits);

        Assert.Equal(2.0, Assert.Single(Assert.Single(result.Readings).Values).Value);
        Assert.Equal(2, result.RejectedCount(RejectReason.TimestampOutOfRange));
    }

    [Fact]
    public void DoesNotThrowWhenTheWindowWouldLeaveTheRepresentableDates()
    {
        var limits = PayloadLimits.Default with { MaxPast = TimeSpan.MaxValue, MaxFuture = TimeSpan.MaxValue };

        var atMax = TelemetryParser.Parse(Payload.Utf8("""{"ts":"9999-12-31T23:59:59Z","values":{"rpm":1}}"""), Payload.Strict, DateTimeOffset.MaxValue, limits);
        var atMin = TelemetryParser.Parse(Payload.Utf8("""{"ts":-62135596800000,"values":{"rpm":1}}"""), Payload.Strict, DateTimeOffset.MinValue, limits);

        Assert.Single(atMax.Readings);
        Assert.Equal(DateTimeOffset.MinValue, Assert.Single(atMin.Readings).Timestamp);
    }
}
