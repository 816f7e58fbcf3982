using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Api;

/// <summary><c>POST /api/device-models/{id}/rules/replay</c> over readings that arrived by MQTT and were stored (QoS 1 PUBACK).</summary>
[Collection(HubCollection.Name)]
public sealed class RuleReplayApiTests(HubFixture fixture)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds() / 60 * 60);

    // temperature > 90 for 60 s, clear below 85: raised at 110 s (cleared at 140 s, peak 99), at 210 s (cleared at
    // 220 s) and at 460 s (still firing); 20 s hot at the start and 50 s hot at 280 s are too short.
    private static readonly (int Seconds, double Value)[] History =
    [
        (0, 80), (10, 95), (20, 96), (30, 97), (40, 80),
        (50, 91), (60, 92), (70, 93), (80, 94), (90, 93), (100, 92), (110, 95), (120, 99), (130, 88), (140, 84),
        (150, 91), (210, 92), (220, 80),
        (230, 95), (270, 88), (280, 95), (330, 95), (340, 70),
        (400, 100), (460, 101), (470, 89),
    ];

    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task AStoredRuleReplayedOverPublishedReadingsFiresTheKnownNumberOfTimesAtTheKnownTimes()
    {
        var (model, device) = await PublishHistoryAsync();

        var body = await ReplayAsync(model, new { ruleId = "overheat", from = T0 });

        Assert.Equal(3, body["firingCount"]!.GetValue<int>());
        Assert.Equal(History.Length, body["readings"]!.GetValue<int>());
        Assert.Equal(1, body["devicesScanned"]!.GetValue<int>());
        Assert.False(body["truncated"]!.GetValue<bool>());
        var firings = body["firings"]!.AsArray();
        Assert.Equal([110, 210, 460], firings.Select(f => Seconds(f!["raisedAt"])));
        Assert.Equal([140, 220], firings.Take(2).Select(f => Seconds(f!["clearedAt"])));
        Assert.Null(firings[2]!["clearedAt"]);
        Assert.Equal([99.0, 92, 101], firings.Select(f => f!["peakValue"]!.GetValue<double>()));
        Assert.All(firings, f => Assert.Equal(device, f!["deviceId"]!.GetValue<string>()));
        Assert.Equal(device, body["perDevice"]![0]!["deviceId"]!.GetValue<string>());
        Assert.All(firings, f => Assert.StartsWith("temperature is ", f!["why"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnomalyRuleOnEveryPropertyReplaysEveryStoredSeriesOfTheDevice()
    {
        var (model, _) = await PublishHistoryAsync();

        var body = await ReplayAsync(model, new { rule = new { id = "odd", kind = "anomaly", severity = "minor" }, from = T0 });

        // Temperature and rpm, both stored from every message; far too few readings for a detector to have learned anything.
        Assert.Equal((2 * History.Length, 0), (body["readings"]!.GetValue<int>(), body["firingCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AnEditedRuleIsReplayedBeforeItIsSaved()
    {
        var (model, device) = await PublishHistoryAsync();
        var edited = new { id = "overheat", kind = "threshold", property = "temperature", @operator = ">", value = 90, durationSeconds = 0, severity = "critical" };

        var body = await ReplayAsync(model, new { rule = edited, from = T0, to = T0.AddMinutes(10), deviceIds = new[] { device }, maxFirings = 2 });

        Assert.Equal(6, body["firingCount"]!.GetValue<int>());
        Assert.Equal([10, 50], body["firings"]!.AsArray().Select(f => Seconds(f!["raisedAt"])));
        Assert.True(body["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AForecastRuleReplayedOverAPublishedDriftReportsItsFiring()
    {
        // 20 °C rising 0.6 °C a minute, every 20 s, with an alternating wobble: 80 °C is reached at 6000 s, so a
        // forecast looking 1200 s ahead fires shortly before 4800 s and is still firing at the end.
        var drift = Enumerable.Range(0, 360).Select(i => (Seconds: i * 20, Value: 20 + (i * 0.2) + (i % 2 == 0 ? 0.3 : -0.3))).ToArray();
        var (model, device) = await PublishHistoryAsync(drift);
        var forecast = new { id = "warming", kind = "forecast", property = "temperature", limit = 80, horizonSeconds = 1200, severity = "minor" };

        var body = await ReplayAsync(model, new { rule = forecast, from = T0, to = T0.AddHours(2) });

        Assert.Equal((1, drift.Length), (body["firingCount"]!.GetValue<int>(), body["readings"]!.GetValue<int>()));
        var firing = body["firings"]![0]!;
        Assert.InRange(Seconds(firing["raisedAt"]), 4600, 4820);
        Assert.Null(firing["clearedAt"]);
        Assert.Equal(drift.Max(r => r.Value), firing["peakValue"]!.GetValue<double>(), 6);
        Assert.Equal(device, firing["deviceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadRequestsAre400ProblemDetailsListingEveryError()
    {
        var (model, _) = await PublishHistoryAsync();
        var otherModelsDevice = HubFixture.NewDeviceId("chill");
        await Hub.RegisterDeviceAsync(otherModelsDevice);
        var badRule = new { id = "r", kind = "threshold", property = "pressure", @operator = ">", value = 1, severity = "major" };

        var many = await Hub.Admin.PostAsJsonAsync($"/api/device-models/{model}/rules/replay",
            new { rule = badRule, from = T0.AddHours(1), to = T0, deviceIds = new[] { "no-such-device", otherModelsDevice } });
        var unknownRule = await Hub.Admin.PostAsJsonAsync($"/api/device-models/{model}/rules/replay", new { ruleId = "melt", from = T0 });
        var nodata = await Hub.Admin.PostAsJsonAsync($"/api/device-models/{model}/rules/replay",
            new { rule = new { id = "quiet", kind = "nodata", seconds = 600, severity = "minor" }, from = T0 });

        Assert.Equal(["deviceIds[0]", "deviceIds[1]", "from", "rule.property"], await ErrorKeysAsync(many));
        Assert.Equal(["ruleId"], await ErrorKeysAsync(unknownRule));
        // Silence is not in history, so a no-data rule cannot be replayed; the answer names the kinds that can.
        Assert.Contains("threshold, anomaly, forecast", (await nodata.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["rule.kind"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffMayReplayOthersAre403AndAnUnknownModelIs404()
    {
        var request = new { ruleId = "overheat", from = T0 };
        using var dispatcher = await LoginAsync("replay-disp", Roles.Dispatcher);
        using var technician = await LoginAsync("replay-tech", Roles.Technician);
        using var customer = await LoginAsync("replay-cust", Roles.Customer, customerId: "cust-a");

        Assert.Equal(HttpStatusCode.OK, (await dispatcher.PostAsJsonAsync("/api/device-models/chiller-x/rules/replay", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.PostAsJsonAsync("/api/device-models/chiller-x/rules/replay", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync("/api/device-models/chiller-x/rules/replay", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Http.PostAsJsonAsync("/api/device-models/chiller-x/rules/replay", request)).StatusCode);
        var missing = await Hub.Admin.PostAsJsonAsync("/api/device-models/no-such-model/rules/replay", request);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A model of its own with a disabled 60 s overheat rule, one device, and <paramref name="history"/> (by default <see cref="History"/>) published as one QoS 1 message.</summary>
    private async Task<(string Model, string Device)> PublishHistoryAsync((int Seconds, double Value)[]? history = null)
    {
        var model = "replay-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Hub.Admin.PostAsJsonAsync("/api/device-models", new
        {
            id = model,
            name = "Replay chiller",
            properties = new object[] { new { name = "temperature", unit = "°C" }, new { name = "rpm" } },
            rules = new object[]
            {
                new { id = "overheat", kind = "threshold", property = "temperature", @operator = ">", value = 90, durationSeconds = 60, clearValue = 85, severity = "critical", enabled = false },
                new { id = "odd-rpm", kind = "anomaly", property = "rpm", sensitivity = 0.5, severity = "minor" },
            },
        });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        var device = HubFixture.NewDeviceId("replay");
        var (secret, _) = await Hub.RegisterDeviceAsync(device, model);
        await using var client = await MqttDevice.ConnectAsync(Hub.MqttPort, device, secret);
        var readings = (history ?? History).Select(r => $$$"""{"ts":{{{T0.AddSeconds(r.Seconds).ToUnixTimeMilliseconds()}}},"values":{"temperature":{{{r.Value.ToString(CultureInfo.InvariantCulture)}}},"rpm":1000}}""");

        var ack = await client.PublishAsync("[" + string.Join(",", readings) + "]");

        Assert.Equal(MQTTnet.MqttClientPublishReasonCode.Success, ack.ReasonCode);
        return (model, device);
    }

    private async Task<JsonObject> ReplayAsync(string model, object request)
    {
        var response = await Hub.Admin.PostAsJsonAsync($"/api/device-models/{model}/rules/replay", request);
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. problem!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)];
    }

    private static int Seconds(JsonNode? time)
        => (int)(DateTimeOffset.Parse(time!.GetValue<string>(), CultureInfo.InvariantCulture) - T0).TotalSeconds;

    private async Task<HttpClient> LoginAsync(string username, string role, string? customerId = null)
        => Hub.Client(await Hub.CreateUserAsync(username, role, customerId));
}
