using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.WorkOrders;

/// <summary>Alarm → work order → automatic dispatch to the nearest skilled technician, with receipts, decline and timeout.</summary>
public sealed class DispatchFlowTests
{
    [Fact]
    public async Task AnAlarmsWorkOrderGoesToTheNearestSkilledTechnicianAndADeclineSendsItToTheNextBest()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Dispatch:IntervalSeconds"] = "0.2" });
        await hub.CreateChillerModelAsync();
        // The device is in Shanghai (31.23, 121.47): "near" has no refrigeration skill, "mid" is next, "far" is in Hangzhou.
        await hub.CreateTechnicianAsync("tech-near", "hvac", 31.24, 121.48);
        await hub.CreateTechnicianAsync("tech-mid", "refrigeration", 31.30, 121.50);
        await hub.CreateTechnicianAsync("tech-far", "refrigeration", 30.27, 120.15);
        var mid = hub.Client(await hub.CreateUserAsync("mid-user", Roles.Technician, technicianId: "tech-mid"));
        await using var midLive = await LiveClient.ConnectAsync(hub, mid.DefaultRequestHeaders.Authorization!.Parameter);
        var (secret, _) = await hub.RegisterDeviceAsync("dev-d");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-d", secret);

        await device.PublishAsync("""{"values":{"temperature":99}}""");

        var order = Assert.Single(await Eventually.GetAsync(() => hub.WorkOrdersAsync("deviceId=dev-d&state=assigned"), o => o.Count == 1, what: "assigned order"));
        var id = order.Text("id");
        Assert.Equal("tech-mid", order.Text("technicianId"));
        var pushed = await midLive.NextAsync("workOrder", p => p.GetProperty("order").GetProperty("id").GetString() == id);
        Assert.Equal("assign", pushed.GetProperty("event").GetString());

        var receipt = (await hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}/dispatch"))!;
        Assert.Equal("tech-mid", receipt.Text("technicianId"));
        var rejected = receipt["rejected"]!.AsArray().ToDictionary(r => r.Text("technicianId"), r => r.Text("reason"));
        Assert.Equal("skill", rejected["tech-near"], ignoreCase: true);
        Assert.Equal("costRank", rejected["tech-far"], ignoreCase: true);

        await HubApi.EnsureAsync(await mid.PostAsync($"/api/work-orders/{id}/decline", null), HttpStatusCode.OK);
        var unassigned = await midLive.NextAsync("workOrder", p => p.GetProperty("event").GetString() == "decline");
        Assert.Equal("declined", unassigned.GetProperty("order").GetProperty("state").GetString());

        var again = await Eventually.GetAsync(
            () => hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}"),
            o => o.Text("state") == "assigned",
            what: "re-dispatched order");
        Assert.Equal("tech-far", again.Text("technicianId"));
        Assert.Equal(["tech-mid"], again!["excludedTechnicians"]!.AsArray().Select(t => t!.GetValue<string>()));
        var second = (await hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}/dispatch"))!;
        Assert.Equal("excluded", second["rejected"]!.AsArray().Single(r => r.Text("technicianId") == "tech-mid").Text("reason"), ignoreCase: true);

        var far = hub.Client(await hub.CreateUserAsync("far-user", Roles.Technician, technicianId: "tech-far"));
        foreach (var action in new[] { "accept", "travel", "start" })
        {
            await HubApi.EnsureAsync(await far.PostAsync($"/api/work-orders/{id}/{action}", null), HttpStatusCode.OK);
        }

        await HubApi.EnsureAsync(
            await far.PostAsJsonAsync($"/api/work-orders/{id}/complete", new { notes = "fan motor replaced", parts = new[] { new { part = "fan-motor", quantity = 1, unitPrice = 120 } }, labourMinutes = 60, rating = 4, comment = "ok" }),
            HttpStatusCode.OK);
        var closed = await hub.Admin.PostAsync($"/api/work-orders/{id}/close", null);
        await HubApi.EnsureAsync(closed, HttpStatusCode.OK);
        var done = (await closed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("closed", "tech-far", 4), (done.Text("state"), done.Text("technicianId"), done["rating"]!.GetValue<int>()));
        Assert.Equal(210m, done["completion"]!["charge"]!.GetValue<decimal>());
        Assert.Equal(done.Text("alarmId"), (await hub.AlarmsAsync("deviceId=dev-d"))[0].Text("id"));
    }

    [Fact]
    public async Task AnOrderNotAcceptedInTimeGoesBackToDispatchWithoutThatTechnician()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Dispatch:IntervalSeconds"] = "0.2",
            ["Dispatch:AcceptTimeoutSeconds"] = "1",
        });
        await hub.CreateChillerModelAsync();
        await hub.CreateTechnicianAsync("tech-1", "refrigeration", 31.25, 121.47);
        await hub.CreateTechnicianAsync("tech-2", "refrigeration", 31.40, 121.47);
        await hub.RegisterDeviceAsync("dev-t");
        var created = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = "dev-t" });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>()).Text("id");

        var final = await Eventually.GetAsync(
            () => hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}"),
            o => o!["excludedTechnicians"]!.AsArray().Count == 2,
            timeout: TimeSpan.FromSeconds(20),
            what: "both technicians timed out");

        var history = final!["history"]!.AsArray().Select(s => (s.Text("state"), s.Text("actor"))).ToList();
        Assert.Equal(("assigned", "dispatch"), history[1]);
        Assert.Equal(("new", "dispatch"), history[2]);
        Assert.Equal(["tech-1", "tech-2"], final["excludedTechnicians"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task WhatIfPlanningSolvesJointlyWithACertificate()
    {
        await using var hub = await HubHost.StartAsync();
        var body = new
        {
            technicians = new object[]
            {
                new { id = "a", skills = new[] { new { skill = "hvac", level = 3 } }, location = new { lat = 31.2, lon = 121.5 } },
                new { id = "b", skills = new[] { new { skill = "hvac", level = 1 } }, location = new { lat = 31.3, lon = 121.5 } },
            },
            orders = new object[]
            {
                new { id = "o1", location = new { lat = 31.21, lon = 121.5 }, skill = "hvac", level = 2 },
                new { id = "o2", location = new { lat = 31.31, lon = 121.5 }, skill = "hvac", level = 1 },
            },
            speedKmh = 60,
            roadFactor = 1.0,
        };

        var response = await hub.Admin.PostAsJsonAsync("/api/dispatch/solve", body);
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        var plan = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var pairs = plan["assignments"]!.AsArray().ToDictionary(a => a.Text("orderId"), a => a.Text("technicianId"));
        Assert.Equal(("a", "b"), (pairs["o1"], pairs["o2"]));
        Assert.Equal(plan["totalCost"]!.GetValue<double>(), plan["lowerBound"]!.GetValue<double>(), 3);
        Assert.InRange(plan["totalCost"]!.GetValue<double>(), 2.0, 2.5);
    }
}
