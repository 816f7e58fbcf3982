using System.Text.Json;
using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.TestSupport.Influx;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>Retention policies, the continuous query, and aggregates that reach past raw retention.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxRetentionTests(InfluxServer server)
{
    [Fact]
    public async Task CreatesARawDefaultPolicyADownsampledPolicyAndAnHourlyContinuousQuery()
    {
        var database = server.NewDatabase();
        var store = InfluxStores.Create(server, database, o => (o.RawRetentionDays, o.DownsampledRetentionDays) = (30, 730));

        await store.ApplyRetentionAsync(default);

        Assert.Equal([("autogen", "0s", false), ("raw", "720h0m0s", true), ("downsampled", "17520h0m0s", false)], await PoliciesAsync(database));
        var query = Assert.Single(await ContinuousQueriesAsync(database));
        Assert.Contains("RESAMPLE FOR 2h", query, StringComparison.Ordinal);
        Assert.Contains($"SELECT sum(*), min(*), max(*), count(*) INTO {database}.downsampled.telemetry_hourly FROM {database}.raw.telemetry GROUP BY time(1h), *", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyingAgainChangesNothingAndNewSettingsAlterThePolicies()
    {
        var database = server.NewDatabase();
        await InfluxStores.Create(server, database, o => (o.RawRetentionDays, o.DownsampledRetentionDays) = (30, 730)).ApplyRetentionAsync(default);
        await InfluxStores.Create(server, database, o => (o.RawRetentionDays, o.DownsampledRetentionDays) = (30, 730)).ApplyRetentionAsync(default);
        Assert.Equal(2, (await PoliciesAsync(database)).Count(p => p.Name is "raw" or "downsampled"));

        await InfluxStores.Create(server, database, o => (o.RawRetentionDays, o.DownsampledRetentionDays) = (0.01, 365)).ApplyRetentionAsync(default);

        // InfluxDB's shortest policy is an hour.
        Assert.Equal([("autogen", "0s", false), ("raw", "1h0m0s", true), ("downsampled", "8760h0m0s", false)], await PoliciesAsync(database));
        Assert.Single(await ContinuousQueriesAsync(database));
    }

    [Fact]
    public async Task AggregatesBeforeTheRawHorizonComeFromTheHourlyRollups()
    {
        // Three days back in real time, so that InfluxDB's own 30-day policy keeps the readings;
        // the store's clock is 30 days later, so that its raw horizon is exactly that midnight.
        var h = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-3);
        var clock = new FakeTimeProvider(h.AddDays(30));
        var store = InfluxStores.Create(server, server.NewDatabase(), o => (o.RawRetentionDays, o.DownsampledRetentionDays) = (30, 730), timeProvider: clock);
        await store.WriteAsync([Point(h.AddMinutes(10), 1), Point(h.AddMinutes(20), 3), Point(h.AddMinutes(65), 10), Point(h.AddMinutes(130), 100), Point(h.AddMinutes(210), 7)], default);

        await store.ApplyRetentionAsync(default);

        // Raw readings change after the rollup: hours answered from rollups keep the old values.
        await store.WriteAsync([Point(h.AddMinutes(10), 50), Point(h.AddMinutes(130), 200)], default);
        clock.Advance(TimeSpan.FromHours(2));
        var query = new HistoryQuery("d1", "temp", h, h.AddHours(4));

        var hourly = await store.QueryAggregateAsync(query, TimeSpan.FromHours(1), default);
        var twoHourly = await store.QueryAggregateAsync(query, TimeSpan.FromHours(2), default);
        var minutely = await store.QueryAggregateAsync(query, TimeSpan.FromMinutes(30), default);

        Assert.Equal([new AggregatePoint(h, 2, 1, 3, 2), new AggregatePoint(h.AddHours(1), 10, 10, 10, 1), new AggregatePoint(h.AddHours(2), 200, 200, 200, 1), new AggregatePoint(h.AddHours(3), 7, 7, 7, 1)], hourly);
        Assert.Equal([new AggregatePoint(h, 14.0 / 3, 1, 10, 3), new AggregatePoint(h.AddHours(2), 103.5, 7, 200, 2)], twoHourly);
        Assert.Equal(new AggregatePoint(h, 26.5, 3, 50, 2), minutely[0]);
    }

    private async Task<List<(string Name, string Duration, bool Default)>> PoliciesAsync(string database)
    {
        var answer = await server.ExecuteAsync(database, $"SHOW RETENTION POLICIES ON \"{database}\"");
        return Values(answer).Select(row => (row[0].GetString()!, row[1].GetString()!, row[4].GetBoolean())).ToList();
    }

    private async Task<List<string>> ContinuousQueriesAsync(string database)
    {
        var answer = await server.ExecuteAsync(database, "SHOW CONTINUOUS QUERIES");
        var series = answer.GetProperty("results")[0].GetProperty("series").EnumerateArray().Where(s => s.GetProperty("name").GetString() == database);
        return series.SelectMany(s => s.TryGetProperty("values", out var values) ? values.EnumerateArray().Select(v => v[1].GetString()!) : []).ToList();
    }

    private static IEnumerable<JsonElement[]> Values(JsonElement answer)
        => answer.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().ToArray());

    private static HistoryPoint Point(DateTimeOffset at, double value) => new("d1", "model-a", "cust-1", at, [new PropertyReading("temp", value)]);
}
