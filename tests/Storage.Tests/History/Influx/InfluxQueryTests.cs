using IotService.Contracts.Telemetry;
using IotService.Storage.History;

using IotService.TestSupport.Influx;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>The store's own InfluxQL against the real influxd: quoting, time bounds, names that clash.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxQueryTests(InfluxServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("it's \"a\" b\\c, d=e", @"p'q ""r"" s\t")]
    [InlineData("' OR 1=1 --", "\" OR \"x")]
    [InlineData("ü→漢", "温度")]
    public async Task NamesWithQuotesBackslashesAndSeparatorsAreFoundByTheirOwnQueries(string device, string property)
    {
        var store = InfluxStores.Create(server, server.NewDatabase());
        await store.WriteAsync([Point(device, T0, (property, 1.5)), Point("other", T0, (property, 9))], default);

        var raw = await store.QueryRawAsync(new HistoryQuery(device, property, T0, T0.AddMinutes(1)), default);
        var aggregate = await store.QueryAggregateAsync(new HistoryQuery(device, property, T0, T0.AddMinutes(1)), TimeSpan.FromMinutes(1), default);

        Assert.Equal([new RawPoint(T0, 1.5)], raw);
        Assert.Equal([new AggregatePoint(T0, 1.5, 1.5, 1.5, 1)], aggregate);
    }

    [Fact]
    public async Task APropertyNamedLikeATagIsReadAsAField()
    {
        var store = InfluxStores.Create(server, server.NewDatabase());
        await store.WriteAsync([Point("d1", T0, ("device", 4), ("model", 5))], default);

        Assert.Equal([new RawPoint(T0, 4)], await store.QueryRawAsync(new HistoryQuery("d1", "device", T0, T0.AddMinutes(1)), default));
        Assert.Equal([new RawPoint(T0, 5)], await store.QueryRawAsync(new HistoryQuery("d1", "model", T0, T0.AddMinutes(1)), default));
    }

    [Fact]
    public async Task FractionalMillisecondBoundsKeepFromInclusiveAndToExclusive()
    {
        var store = InfluxStores.Create(server, server.NewDatabase());
        await store.WriteAsync([Point("d1", T0, ("v", 0)), Point("d1", T0.AddMilliseconds(1), ("v", 1)), Point("d1", T0.AddMilliseconds(2), ("v", 2))], default);

        var points = await store.QueryRawAsync(new HistoryQuery("d1", "v", T0.AddTicks(1), T0.AddMilliseconds(1).AddTicks(1)), default);

        Assert.Equal([new RawPoint(T0.AddMilliseconds(1), 1)], points);
    }

    [Fact]
    public async Task TheWidestRangeIsClampedToInfluxDbsAndFindsEverything()
    {
        var store = InfluxStores.Create(server, server.NewDatabase());
        await store.WriteAsync([Point("d1", new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero), ("v", 1)), Point("d1", T0, ("v", 2))], default);

        var points = await store.QueryRawAsync(new HistoryQuery("d1", "v", DateTimeOffset.MinValue, DateTimeOffset.MaxValue), default);

        Assert.Equal([1.0, 2.0], points.Select(p => p.Value));
    }

    [Fact]
    public async Task NamesThatCannotBeWrittenHaveNoHistory()
    {
        var store = InfluxStores.Create(server, server.NewDatabase());

        Assert.Empty(await store.QueryRawAsync(new HistoryQuery("two\nlines", "v", T0, T0.AddMinutes(1)), default));
        Assert.Empty(await store.QueryAggregateAsync(new HistoryQuery("d1", @"ends\", T0, T0.AddMinutes(1)), TimeSpan.FromMinutes(1), default));
    }

    private static HistoryPoint Point(string device, DateTimeOffset at, params (string Name, double Value)[] values)
        => new(device, "model-a", "cust-1", at, values.Select(v => new PropertyReading(v.Name, v.Value)).ToArray());
}
