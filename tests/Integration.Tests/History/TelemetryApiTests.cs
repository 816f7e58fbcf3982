using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.History;

/// <summary><c>GET /api/devices/{id}/telemetry</c> over readings that arrived by MQTT.</summary>
[Collection(HubCollection.Name)]
public sealed class TelemetryApiTests(HubFixture fixture)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds() / 60 * 60);

    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task RawPointsAndPerIntervalAggregatesComeBackForPublishedReadings()
    {
        var id = await PublishSeriesAsync();

        var raw = await GetAsync($"/api/devices/{id}/telemetry?property=temperature&from={Iso(T0)}&to={Iso(T0.AddMinutes(3))}");
        var agg = await GetAsync($"/api/devices/{id}/telemetry?property=temperature&from={Iso(T0)}&to={Iso(T0.AddMinutes(3))}&interval=1m");

        var points = raw["series"]![0]!["points"]!.AsArray();
        Assert.Equal([10.0, 20.0, 30.0, 40.0], points.Select(p => p!["value"]!.GetValue<double>()));
        var buckets = agg["series"]![0]!["aggregates"]!.AsArray();
        Assert.Equal(2, buckets.Count);
        Assert.Equal(15, buckets[0]!["mean"]!.GetValue<double>());
        Assert.Equal(2, buckets[1]!["count"]!.GetValue<long>());
        Assert.Equal(40, buckets[1]!["max"]!.GetValue<double>());
        Assert.Equal(T0.AddMinutes(1), DateTimeOffset.Parse(buckets[1]!["start"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WithoutAPropertyEveryPropertyOfTheModelIsASeries()
    {
        var id = await PublishSeriesAsync();

        var all = await GetAsync($"/api/devices/{id}/telemetry?from={Iso(T0)}&to={Iso(T0.AddMinutes(3))}");

        Assert.Equal(HubApi.ChillerProperties, all["series"]!.AsArray().Select(s => s!["property"]!.GetValue<string>()));
        Assert.Equal(4, all["series"]![1]!["points"]!.AsArray().Count);
    }

    [Fact]
    public async Task CustomersSeeOnlyTheirDevicesAndCustomerVisibleProperties()
    {
        var id = await PublishSeriesAsync(customerId: "cust-a");
        using var a = Hub.Client(await Hub.CreateUserAsync("hist-a", Roles.Customer, "cust-a"));
        using var b = Hub.Client(await Hub.CreateUserAsync("hist-b", Roles.Customer, "cust-b"));
        var range = $"from={Iso(T0)}&to={Iso(T0.AddMinutes(3))}";

        var visible = await a.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/telemetry?{range}");
        Assert.Equal(["temperature", "door"], visible!["series"]!.AsArray().Select(s => s!["property"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, (await a.GetAsync($"/api/devices/{id}/telemetry?property=rpm&{range}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/devices/{id}/telemetry?{range}")).StatusCode);
    }

    [Fact]
    public async Task BadRangesAndIntervalsAre400()
    {
        var id = await PublishSeriesAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync($"/api/devices/{id}/telemetry?from={Iso(T0)}&to={Iso(T0.AddMinutes(-1))}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync($"/api/devices/{id}/telemetry?interval=fortnight")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync($"/api/devices/{id}/telemetry?from={Iso(T0.AddYears(-5))}&interval=1ms")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync($"/api/devices/{id}/telemetry?property=pressure")).StatusCode);
    }

    /// <summary>Readings at T0+0s, +30s (the first minute) and +60s, +119s (the second), published as one array.</summary>
    private async Task<string> PublishSeriesAsync(string? customerId = null)
    {
        var id = HubFixture.NewDeviceId("hist");
        var (secret, _) = await Hub.RegisterDeviceAsync(id, customerId: customerId);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var offsets = new[] { 0, 30, 60, 119 };
        var readings = offsets.Select((s, i) => $$$"""{"ts":{{{T0.AddSeconds(s).ToUnixTimeMilliseconds()}}},"values":{"temperature":{{{(i + 1) * 10}}},"rpm":{{{i}}}}}""");
        var ack = await device.PublishAsync("[" + string.Join(",", readings) + "]");
        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, ack.ReasonCode);
        return id;
    }

    private async Task<JsonObject> GetAsync(string url)
    {
        var response = await Hub.Admin.GetAsync(url);
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture));
}
