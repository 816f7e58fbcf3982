using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.WorkOrders;

/// <summary>A work order taken through its lifecycle over HTTP by the people the roles allow, with SignalR events for the technician.</summary>
public sealed class WorkOrderLifecycleApiTests
{
    [Fact]
    public async Task AManualOrderIsAssignedAcceptedTravelledStartedCompletedRatedAndClosed()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            // People assign this order: an automatic round between its creation and the first check would take it.
            ["Dispatch:IntervalSeconds"] = "3600",
            ["WorkOrders:LabourRatePerHour"] = "80",
            ["WorkOrders:PartPrices:compressor-relay"] = "42.50",
        });
        await hub.CreateChillerModelAsync();
        await hub.CreateCustomerAsync("cust-w", tier: "strategic");
        await hub.RegisterDeviceAsync("dev-w", customerId: "cust-w");
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/technicians", new
        {
            id = "tech-w",
            name = "Li Wei",
            skills = new[] { new { skill = "refrigeration", level = 3 } },
            location = new { lat = 31.2, lon = 121.5 },
        }), HttpStatusCode.Created);
        var tech = hub.Client(await hub.CreateUserAsync("tech-w-user", Roles.Technician, technicianId: "tech-w"));
        var otherTech = hub.Client(await hub.CreateUserAsync("tech-x-user", Roles.Technician, technicianId: "tech-x"));
        var customer = hub.Client(await hub.CreateUserAsync("cust-w-user", Roles.Customer, "cust-w"));
        await using var techLive = await LiveClient.ConnectAsync(hub, tech.DefaultRequestHeaders.Authorization!.Parameter);

        var created = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = "dev-w", priority = "urgent", description = "noisy compressor" });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        var order = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = order.Text("id");
        Assert.Equal(("new", "manual", "repair", "refrigeration"), (order.Text("state"), order.Text("source"), order.Text("type"), order.Text("skill")));
        var dueIn = DateTimeOffset.Parse(order.Text("dueAt"), System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(order.Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(4), dueIn);

        // Not yet theirs: a technician does not see the order at all.
        Assert.Equal(HttpStatusCode.NotFound, (await tech.PostAsJsonAsync($"/api/work-orders/{id}/assign", new { technicianId = "tech-w" })).StatusCode);
        await Step(hub.Admin, id, "assign", new { technicianId = "tech-w" });
        var assigned = await techLive.NextAsync("workOrder", p => p.GetProperty("event").GetString() == "assign");
        Assert.Equal("tech-w", assigned.GetProperty("order").GetProperty("technicianId").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await otherTech.PostAsync($"/api/work-orders/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await tech.PostAsync($"/api/work-orders/{id}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tech.PostAsync($"/api/work-orders/{id}/close", null)).StatusCode);
        await Step(tech, id, "accept");
        await Step(tech, id, "travel");
        await Step(tech, id, "start");
        var missing = await tech.PostAsJsonAsync($"/api/work-orders/{id}/complete", new { notes = "x", parts = new[] { new { part = "unknown-part", quantity = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var done = await Step(tech, id, "complete", new
        {
            notes = "replaced the compressor relay",
            parts = new object[] { new { part = "compressor-relay", quantity = 2 }, new { part = "gasket", quantity = 1, unitPrice = 3.5 } },
            labourMinutes = 45,
        });
        Assert.Equal("completed", done.Text("state"));
        Assert.Equal(60m, done["completion"]!["labourCharge"]!.GetValue<decimal>());
        Assert.Equal(88.5m, done["completion"]!["partsCharge"]!.GetValue<decimal>());
        Assert.Equal(148.5m, done["completion"]!["charge"]!.GetValue<decimal>());

        var rated = await Step(customer, id, "rate", new { rating = 5, comment = "quick and tidy" });
        Assert.Equal((5, "quick and tidy"), (rated["rating"]!.GetValue<int>(), rated.Text("ratingComment")));
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsync($"/api/work-orders/{id}/close", null)).StatusCode);
        var closed = await Step(hub.Admin, id, "close");

        Assert.Equal(["new", "assigned", "accepted", "travelling", "on-site", "completed", "completed", "closed"], closed["history"]!.AsArray().Select(s => s.Text("state")));
        Assert.Equal(
            ["bootstrap-admin", "bootstrap-admin", "tech-w-user", "tech-w-user", "tech-w-user", "tech-w-user", "cust-w-user", "bootstrap-admin"],
            closed["history"]!.AsArray().Select(s => s.Text("actor")));
        Assert.False(closed["slaBreached"]!.GetValue<bool>());
        Assert.Single(await hub.WorkOrdersAsync("technicianId=tech-w&state=closed"));
        Assert.Single(await hub.WorkOrdersAsync("", tech));
        Assert.Empty(await hub.WorkOrdersAsync("", otherTech));
        Assert.Single(await hub.WorkOrdersAsync("", customer));
    }

    [Fact]
    public async Task TechniciansReportTheirLocationAndAvailability()
    {
        await using var hub = await HubHost.StartAsync();
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/technicians", new { id = "tech-m", name = "M", skills = new[] { new { skill = "hvac", level = 1 } } }), HttpStatusCode.Created);
        var self = hub.Client(await hub.CreateUserAsync("tech-m-user", Roles.Technician, technicianId: "tech-m"));
        var other = hub.Client(await hub.CreateUserAsync("tech-n-user", Roles.Technician, technicianId: "tech-n"));

        await HubApi.EnsureAsync(await self.PutAsJsonAsync("/api/technicians/tech-m/location", new { lat = 30.5, lon = 114.3 }), HttpStatusCode.OK);
        await HubApi.EnsureAsync(await hub.Admin.PutAsJsonAsync("/api/technicians/tech-m/availability", new { available = false }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync("/api/technicians/tech-m/location", new { lat = 1, lon = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await self.PutAsJsonAsync("/api/technicians/tech-m/location", new { lat = 91, lon = 1 })).StatusCode);

        var tech = (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/technicians/tech-m"))!;
        Assert.Equal(30.5, tech["location"]!["lat"]!.GetValue<double>());
        Assert.False(tech["available"]!.GetValue<bool>());
    }

    private static async Task<JsonObject> Step(HttpClient client, string id, string action, object? body = null)
    {
        var response = body is null ? await client.PostAsync($"/api/work-orders/{id}/{action}", null) : await client.PostAsJsonAsync($"/api/work-orders/{id}/{action}", body);
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
