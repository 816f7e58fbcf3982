using System.Text.Json;
using IotService.Contracts.Telemetry;
using IotService.Storage.History;

using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>The stock <c>influx</c> CLI reads back exactly what the store wrote: names, tags, values and times.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxCliReadBackTests(InfluxServer server)
{
    private const string Device = "site:a.b-1 x,y=z";
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheInfluxCliReadsBackTrickyNamesValuesAndTimesExactly()
    {
        var database = server.NewDatabase();
        var store = InfluxStores.Create(server, database);
        await store.WriteAsync(
        [
            new HistoryPoint(Device, "model \"q\" \\ 1", null, T0.AddMilliseconds(1),
                [new("filter.life-pct", 80.5), new("a b,c=d", -1e-300), new(@"back\slash", 1e300), new("quote\"s", double.Epsilon)]),
            new HistoryPoint(Device, "model \"q\" \\ 1", "Acme, Inc.=1", T0.AddMilliseconds(999),
                [new("filter.life-pct", 0.1), new("a b,c=d", 123456789.123456789)]),
        ], default);

        var results = await InfluxCli.QueryAsync(server, database, """SELECT * FROM "telemetry" WHERE "device" = 'site:a.b-1 x,y=z'""");

        var rows = Rows(results[0]);
        Assert.Equal(2, rows.Count);
        Assert.Equal("2026-11-23T10:00:00.001Z", rows[0]["time"].GetString());
        Assert.Equal(Device, rows[0]["device"].GetString());
        Assert.Equal("model \"q\" \\ 1", rows[0]["model"].GetString());
        Assert.Equal(JsonValueKind.Null, rows[0]["customer"].ValueKind);
        Assert.Equal(80.5, rows[0]["filter.life-pct"].GetDouble());
        Assert.Equal(-1e-300, rows[0]["a b,c=d"].GetDouble());
        Assert.Equal(1e300, rows[0][@"back\slash"].GetDouble());
        Assert.Equal(double.Epsilon, rows[0]["quote\"s"].GetDouble());
        Assert.Equal("2026-11-23T10:00:00.999Z", rows[1]["time"].GetString());
        Assert.Equal("Acme, Inc.=1", rows[1]["customer"].GetString());
        Assert.Equal(0.1, rows[1]["filter.life-pct"].GetDouble());
        Assert.Equal(123456789.123456789, rows[1]["a b,c=d"].GetDouble());
    }

    [Fact]
    public async Task TheInfluxCliSeesOneSeriesPerTagSetWithTagsUnescaped()
    {
        var database = server.NewDatabase();
        var store = InfluxStores.Create(server, database);
        await store.WriteAsync([new HistoryPoint(Device, "m", "c=1", T0, [new PropertyReading("v", 1)]), new HistoryPoint(@"a\,b", "m", null, T0, [new PropertyReading("v", 2)])], default);

        var results = await InfluxCli.QueryAsync(server, database, """SHOW SERIES FROM "telemetry" """);

        var keys = Rows(results[0]).Select(r => r["key"].GetString()).Order(StringComparer.Ordinal);
        Assert.Equal([@"telemetry,customer=c\=1,device=site:a.b-1\ x\,y\=z,model=m", @"telemetry,device=a\\,b,model=m"], keys);
    }

    private static List<Dictionary<string, JsonElement>> Rows(JsonElement result)
    {
        var series = result.GetProperty("series")[0];
        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return series.GetProperty("values").EnumerateArray()
            .Select(row => row.EnumerateArray().Select((cell, i) => (columns[i], cell)).ToDictionary(p => p.Item1, p => p.cell))
            .ToList();
    }
}
