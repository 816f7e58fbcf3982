using IotService.Contracts.Models;
using IotService.Contracts.Telemetry;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserRangeTests
{
    [Theory]
    [InlineData("1.7e308")]
    [InlineData("150.0001")]
    [InlineData("-40.5")]
    public void RejectsAReadingWithAValueOutsideItsDeclaredRangeAsOutOfRange(string number)
    {
        var result = Payload.Parse($$$"""{"values":{"rpm":1,"temperature":{{{number}}}}}""", Payload.Ranged);

        Assert.Empty(result.Readings);
        Assert.Equal(1, result.TotalRejected);
        Assert.Equal(1, result.RejectedCount(RejectReason.OutOfRange));
        Assert.StartsWith("value ", result.FirstRejectionDetail, StringComparison.Ordinal);
        Assert.EndsWith(" of 'temperature' is outside its declared range [-40, 150]", result.FirstRejectionDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsValuesOnTheBoundsAndAboveAnOpenEnd()
    {
        var result = Payload.Parse("""[{"values":{"temperature":-40}},{"values":{"temperature":150,"rpm":1.7e308}}]""", Payload.Ranged);

        Assert.Equal(0, result.TotalRejected);
        Assert.Equal([new PropertyReading("temperature", -40)], result.Readings[0].Values);
        Assert.Equal([new("temperature", 150), new PropertyReading("rpm", 1.7e308)], result.Readings[1].Values);
    }

    [Fact]
    public void ChecksBooleansAgainstTheRangeAsOneAndZero()
    {
        var accepted = Payload.Parse("""{"values":{"door":true}}""", Payload.Ranged);
        var warm = PropertySchema.FromDefinitions([new PropertyDefinition("temperature", Min: 5, Max: 30)], UnknownPropertyPolicy.Reject);
        var rejected = Payload.Parse("""{"values":{"temperature":true}}""", warm);

        Assert.Equal([new PropertyReading("door", 1)], Assert.Single(accepted.Readings).Values);
        Assert.Equal(1, rejected.RejectedCount(RejectReason.OutOfRange));
    }

    [Fact]
    public void InAnArrayOnlyTheReadingWithTheOutOfRangeValueIsRejected()
    {
        var result = Payload.Parse("""[{"values":{"temperature":20}},{"values":{"temperature":1e300}},{"values":{"temperature":21}}]""", Payload.Ranged);

        Assert.Equal([20.0, 21.0], result.Readings.Select(r => r.Values.Single().Value));
        Assert.Equal(1, result.RejectedCount(RejectReason.OutOfRange));
        Assert.Equal(RejectReason.OutOfRange, result.FirstRejection);
        Assert.StartsWith("reading [1]: value 1E+300 of 'temperature'", result.FirstRejectionDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEarlierProblemInTheReadingKeepsItsReason()
    {
        var result = Payload.Parse("""{"values":{"temperature":"hot","rpm":-1}}""", Payload.Ranged);

        Assert.Equal(RejectReason.InvalidValue, result.FirstRejection);
        Assert.Equal(0, result.RejectedCount(RejectReason.OutOfRange));
    }
}
