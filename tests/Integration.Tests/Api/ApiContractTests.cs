using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Api;

[Collection(HubCollection.Name)]
public sealed class ApiContractTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task InvalidDeviceModelIsRefusedWithEveryProblemListed()
    {
        var response = await Hub.Admin.PostAsJsonAsync("/api/device-models", new
        {
            id = "bad model!",
            name = "",
            properties = new object[] { new { name = "t", min = 10, max = 0 }, new { name = "t" } },
            rules = new object[] { new { id = "r1", kind = "threshold", property = "nope", @operator = "~", value = 1, severity = "critical" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("id"));
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("properties[0]"));
        Assert.True(errors.ContainsKey("properties[1].name"));
        Assert.True(errors.ContainsKey("rules[0].property"));
        Assert.True(errors.ContainsKey("rules[0].operator"));
    }

    [Fact]
    public async Task CreatingAnExistingModelOrDeviceIsAConflict()
    {
        var model = await Hub.Admin.PostAsJsonAsync("/api/device-models", new { id = "chiller-x", name = "again", properties = new[] { new { name = "t" } } });
        var id = HubFixture.NewDeviceId();
        await Hub.RegisterDeviceAsync(id);
        var device = await Hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = "chiller-x" });

        Assert.Equal(HttpStatusCode.Conflict, model.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, device.StatusCode);
    }

    [Fact]
    public async Task DeviceOfAnUnknownModelOrCustomerIsRefused()
    {
        var response = await Hub.Admin.PostAsJsonAsync("/api/devices", new { modelId = "no-such-model", customerId = "no-such-customer" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("modelId"));
        Assert.True(errors.ContainsKey("customerId"));
    }

    [Fact]
    public async Task RegistrationWithoutAnIdIssuesIdSecretAndActivationCode()
    {
        var response = await Hub.Admin.PostAsJsonAsync("/api/devices", new { modelId = "chiller-x" });

        await HubApi.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body["id"]!.GetValue<string>();
        Assert.StartsWith("dev-", id, StringComparison.Ordinal);
        Assert.True(body["secret"]!.GetValue<string>().Length >= 40);
        Assert.Equal(12, body["activationCode"]!.GetValue<string>().Length);
        Assert.Equal($"/api/devices/{id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DeviceListPagesWithAnOpaqueCursor()
    {
        await Hub.CreateChillerModelAsync("pager-model");
        var ids = Enumerable.Range(0, 5).Select(i => $"page-{i}").ToList();
        foreach (var id in ids)
        {
            await Hub.RegisterDeviceAsync(id, modelId: "pager-model");
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Hub.Admin.GetFromJsonAsync<JsonObject>($"/api/devices?modelId=pager-model&limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task BadFiltersAndCursorsAre400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync("/api/devices?severity=apocalyptic")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync("/api/devices?cursor=%%%garbage")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync("/api/devices?limit=5000")).StatusCode);
    }

    [Fact]
    public async Task ModelEditTakesEffectOnItsDevicesWithoutARestart()
    {
        await Hub.CreateChillerModelAsync("editable");
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id, modelId: "editable");
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var before = await Hub.RejectedAsync("undeclared_property");
        await device.PublishAsync("""{"values":{"pressure":3.5}}""");
        await Eventually.GetAsync(() => Hub.RejectedAsync("undeclared_property"), n => n == before + 1, what: "pressure rejected");

        var model = (await Hub.Admin.GetFromJsonAsync<JsonObject>("/api/device-models/editable"))!;
        model["properties"]!.AsArray().Add(new JsonObject { ["name"] = "pressure", ["unit"] = "bar" });
        var put = await Hub.Admin.PutAsJsonAsync("/api/device-models/editable", model);
        await HubApi.EnsureAsync(put, HttpStatusCode.OK);
        await device.PublishAsync("""{"values":{"pressure":3.5}}""");

        await Hub.WaitForValueAsync(id, "pressure", 3.5);
        Assert.Equal(2, (await put.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownThingsAre404ProblemDetails()
    {
        var device = await Hub.Admin.GetAsync("/api/devices/nope");
        var model = await Hub.Admin.GetAsync("/api/device-models/nope");

        Assert.Equal(HttpStatusCode.NotFound, device.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, model.StatusCode);
        Assert.Equal("application/problem+json", device.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheRoutes()
    {
        var doc = await Hub.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var paths = doc!["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/devices"));
        Assert.True(paths.ContainsKey("/api/devices/{id}"));
        Assert.True(paths.ContainsKey("/api/device-models"));
        Assert.True(paths.ContainsKey("/api/ingest/stats"));
    }

    [Fact]
    public async Task HealthReportsEveryDependency()
    {
        var response = await Hub.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        foreach (var check in new[] { "orleans", "mqtt", "storage", "ingest" })
        {
            Assert.Equal("healthy", body["checks"]![check]!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task IngestStatsListEveryRejectionReason()
    {
        var stats = await Hub.StatsAsync();

        var reasons = stats["rejected"]!.AsObject().Select(r => r.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "malformed_json", "unknown_device", "undeclared_property", "invalid_value", "timestamp_out_of_range", "payload_too_large", "wrong_topic", "not_authorized" }, reasons);
        Assert.NotNull(stats["queueDepth"]);
        Assert.NotNull(stats["acceptedReadingsPerSecond"]);
    }
}
