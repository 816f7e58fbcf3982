using System.Text;
using IotService.Storage.History.Influx;

namespace IotService.Storage.Tests.History.Influx;

public sealed class InfluxResponseTests
{
    [Fact]
    public void ReadsTheRowsOfEveryChunk()
    {
        var answer = Read("""
            {"results":[{"statement_id":0,"series":[{"name":"telemetry","columns":["time","v"],"values":[[1,0.5],[2,1e+300]],"partial":true}],"partial":true}]}
            {"results":[{"statement_id":0,"series":[{"name":"telemetry","columns":["time","v"],"values":[[3,-5e-324],[4,null]]}]}]}

            """);

        Assert.Null(answer.Error);
        Assert.Equal([1L, 2, 3, 4], answer.Times);
        Assert.Equal([0.5, 1e300, -double.Epsilon, null], answer.Numbers);
    }

    [Fact]
    public void ReadsNamesFromTheFirstColumn()
    {
        var answer = Read("""{"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":[["raw","720h0m0s","24h0m0s",1,true],["downsampled","17520h0m0s","168h0m0s",1,false]]}]}]}""");

        Assert.Equal(["raw", "downsampled"], answer.Names);
    }

    [Theory]
    [InlineData("""{"error":"database not found: \"x\""}""", "database not found: \"x\"")]
    [InlineData("""{"results":[{"statement_id":0,"error":"retention policy already exists"}]}""", "retention policy already exists")]
    [InlineData("not json", "unreadable answer")]
    public void ReportsTheServersError(string body, string expected)
        => Assert.StartsWith(expected, Read(body).Error, StringComparison.Ordinal);

    [Fact]
    public void AnAnswerWithoutSeriesIsEmpty()
    {
        var answer = Read("""{"results":[{"statement_id":0}]}""");

        Assert.Null(answer.Error);
        Assert.Empty(answer.Times);
    }

    private static InfluxResponse Read(string body) => InfluxResponse.Read(Encoding.UTF8.GetBytes(body));
}
