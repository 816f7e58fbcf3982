using IotService.Contracts.Common;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TelemetryParserLocationTests
{
    [Theory]
    [InlineData("""{"lat":31.23,"lon":121.47}""", 31.23, 121.47)]
    [InlineData("""{"lon":121.47,"lat":31.23}""", 31.23, 121.47)]
    [InlineData("""{"lat":90,"lon":180}""", 90, 180)]
    [InlineData("""{"lat":-90,"lon":-180}""", -90, -180)]
    [InlineData("""{"lat":1,"lon":2,"alt":300,"fix":{"sats":7}}""", 1, 2)]
    [InlineData("""{"l\u0061t":1,"lon":5,"lon":2}""", 1, 2)]
    public void AcceptsFiniteCoordinatesWithinRange(string location, double lat, double lon)
    {
        var result = Payload.Parse($$"""{"values":{"rpm":1},"location":{{location}}}""");

        Assert.Equal(new GeoPoint(lat, lon), Assert.Single(result.Readings).Location);
    }

    [Fact]
    public void TreatsANullLocationAsNoLocation()
    {
        var result = Payload.Parse("""{"values":{"rpm":1},"location":null}""");

        Assert.Null(Assert.Single(result.Readings).Location);
    }

    [Theory]
    [InlineData("""{"lat":90.0001,"lon":0}""")]
    [InlineData("""{"lat":0,"lon":-180.5}""")]
    [InlineData("""{"lat":1e400,"lon":0}""")]
    [InlineData("""{"lat":"31.23","lon":121.47}""")]
    [InlineData("""{"lat":null,"lon":121.47}""")]
    [InlineData("""{"lat":31.23}""")]
    [InlineData("""{"lon":121.47}""")]
    [InlineData("""{}""")]
    [InlineData("""{"lat":[31.23],"lon":121.47}""")]
    [InlineData("""[31.23,121.47]""")]
    [InlineData("\"31.23,121.47\"")]
    [InlineData("7")]
    [InlineData("true")]
    public void RejectsTheReadingForAnInvalidLocation(string location)
    {
        var result = Payload.Parse($$$"""[{"values":{"rpm":1},"location":{{{location}}}},{"values":{"rpm":2}}]""");

        Assert.Equal(2.0, Assert.Single(Assert.Single(result.Readings).Values).Value);
        Assert.Equal(1, result.RejectedCount(RejectReason.InvalidLocation));
        Assert.Equal(1, result.TotalRejected);
        Assert.Equal(
            "reading [0]: 'location' needs finite 'lat' in [-90, 90] and 'lon' in [-180, 180]", result.FirstRejectionDetail);
    }
}
