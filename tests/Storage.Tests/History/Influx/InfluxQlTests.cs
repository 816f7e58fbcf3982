using IotService.Storage.History.Influx;

namespace IotService.Storage.Tests.History.Influx;

public sealed class InfluxQlTests
{
    [Theory]
    [InlineData("filter.life-pct", "\"filter.life-pct\"")]
    [InlineData("site:a.b-1", "\"site:a.b-1\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"back\slash", "\"back\\\\slash\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("SELECT", "\"SELECT\"")]
    public void QuotesIdentifiers(string name, string expected) => Assert.Equal(expected, InfluxQl.Identifier(name));

    [Theory]
    [InlineData("d1", "'d1'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"a\b", @"'a\\b'")]
    [InlineData("' OR 1=1 --", @"'\' OR 1=1 --'")]
    [InlineData("two\nlines", @"'two\nlines'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    public void QuotesStringLiterals(string value, string expected) => Assert.Equal(expected, InfluxQl.String(value));

    [Fact]
    public void WritesTimesAsMillisecondsSinceTheEpoch()
    {
        Assert.Equal("1795428000000ms", InfluxQl.Time(1_795_428_000_000));
        Assert.Equal("-5ms", InfluxQl.Time(-5));
    }

    [Fact]
    public void SelectsThePropertyAsAFieldAndTheDeviceAsATag()
    {
        var statement = InfluxStatements.Raw("dev'1", "device", 0, 10, 5);

        Assert.Equal("""SELECT "device"::field FROM "telemetry" WHERE "device"::tag = 'dev\'1' AND time >= 0ms AND time < 10ms ORDER BY time ASC LIMIT 5""", statement);
    }
}
