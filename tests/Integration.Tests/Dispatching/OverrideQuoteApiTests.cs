using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;
using IotService.Integration.Tests.WorkOrders;

namespace IotService.Integration.Tests.Dispatching;

/// <summary><c>POST /api/work-orders/{id}/dispatch/quote</c>, and the receipt of an assignment made by hand.</summary>
public sealed class OverrideQuoteApiTests
{
    // No timer round: the tests decide when orders are dispatched.
    private static readonly Dictionary<string, string> NoRounds = new() { ["Dispatch:IntervalSeconds"] = "3600" };

    [Fact]
    public async Task ADispatcherSeesWhatAnOverrideCostsAndTheReceiptOfTheAssignmentByHandRecordsIt()
    {
        await using var hub = await HubHost.StartAsync(settings: NoRounds);
        // Two sites about 19 km apart north-south in Shanghai, a technician beside each, and one without the skill.
        var (siteA, siteB) = await TwoSitesAsync(hub);
        await hub.CreateTechnicianAsync("tech-a", "refrigeration", 31.24, 121.47);
        await hub.CreateTechnicianAsync("tech-b", "refrigeration", 31.41, 121.47);
        await hub.CreateTechnicianAsync("tech-hvac", "hvac", 31.23, 121.48);
        var dispatcher = hub.Client(await hub.CreateUserAsync("disp-quote", Roles.Dispatcher));

        var same = await QuoteAsync(dispatcher, siteA, "tech-a");
        Assert.Equal(("tech-a", true, 0.0), (same.Text("plannedTechnicianId"), Bool(same, "feasible"), Number(same, "costDelta")));
        Assert.Empty(same["slaChanges"]!.AsArray());
        Assert.Empty(same["reassigned"]!.AsArray());

        var quote = await QuoteAsync(dispatcher, siteA, "tech-b");
        Assert.Equal(("tech-a", true), (quote.Text("plannedTechnicianId"), Bool(quote, "feasible")));
        var moved = Assert.Single(quote["reassigned"]!.AsArray())!;
        Assert.Equal((siteB, "tech-b", "tech-a"), (moved.Text("orderId"), moved.Text("fromTechnicianId"), moved.Text("toTechnicianId")));
        // Both orders now travel about 17 km instead of about 1 km (60 km/h, road factor 1.3): ~ 2 × 22 extra minutes.
        Assert.InRange(Number(quote, "extraTravelMinutes"), 40, 48);
        Assert.Equal(Number(quote, "totalCost") - Number(quote, "plannedTotalCost"), Number(quote, "costDelta"), 2);
        Assert.Equal(Number(quote, "travelMinutes") - Number(quote, "plannedTravelMinutes"), Number(quote["slaChanges"]!.AsArray().Single(c => c.Text("orderId") == siteA)!, "deltaMinutes"), 2);
        var sla = quote["slaChanges"]!.AsArray().ToDictionary(c => c.Text("orderId"));
        Assert.Equal([siteA, siteB], sla.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Number(quote, "extraTravelMinutes"), sla.Values.Sum(c => Number(c!, "deltaMinutes")), 2);
        foreach (var change in sla.Values)
        {
            var before = Time(change!, "etaBefore");
            var after = Time(change!, "etaAfter");
            Assert.Equal(Number(change!, "deltaMinutes"), (after - before).TotalMinutes, 2);
            Assert.True(Time(change!, "dueAt") > after, "a normal order's SLA is hours away");
            Assert.Equal((false, false), (Bool(change!, "breachedBefore"), Bool(change!, "breachedAfter")));
        }

        Assert.Equal(["dev-site-a", "dev-site-b"], sla.Values.Select(c => c.Text("deviceId")).Order(StringComparer.Ordinal));

        var unskilled = await QuoteAsync(dispatcher, siteA, "tech-hvac");
        Assert.Equal((false, "skill", "does not hold refrigeration"), (Bool(unskilled, "feasible"), unskilled.Text("reason"), unskilled.Text("detail")));

        var assigned = await dispatcher.PostAsJsonAsync($"/api/work-orders/{siteA}/assign", new { technicianId = "tech-b" });
        await HubApi.EnsureAsync(assigned, HttpStatusCode.OK);
        Assert.Equal("tech-b", (await assigned.Content.ReadFromJsonAsync<JsonObject>()).Text("technicianId"));

        var receipt = (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/work-orders/{siteA}/dispatch"))!;
        Assert.Equal("tech-b", receipt.Text("technicianId"));
        var recorded = receipt["override"]!;
        Assert.Equal(("disp-quote", "tech-a"), (recorded.Text("by"), recorded.Text("plannedTechnicianId")));
        Assert.Equal(Number(quote, "costDelta"), Number(recorded, "costDelta"));
        Assert.Equal(Number(quote, "extraTravelMinutes"), Number(recorded, "extraTravelMinutes"));
        Assert.Equal([siteB], recorded["movedOrderIds"]!.AsArray().Select(o => o!.GetValue<string>()));
        var passedOver = receipt["rejected"]!.AsArray().Single(r => r.Text("technicianId") == "tech-a")!;
        Assert.Equal(("assignedElsewhere", siteB), (passedOver.Text("reason"), passedOver.Text("assignedOrderId")));

        // Now tech-b holds the order, and the plan is that: going back costs the same, the other way.
        var back = await QuoteAsync(dispatcher, siteA, "tech-a");
        Assert.Equal("tech-b", back.Text("plannedTechnicianId"));
        Assert.Equal(-Number(quote, "costDelta"), Number(back, "costDelta"), 2);
        Assert.Equal((siteB, "tech-a", "tech-b"), Single(back["reassigned"]!));
    }

    [Fact]
    public async Task OnlyStaffMayAskForAQuoteAndBadRequestsAreProblemsThatSayWhy()
    {
        await using var hub = await HubHost.StartAsync(settings: NoRounds);
        var (siteA, _) = await TwoSitesAsync(hub);
        await hub.CreateTechnicianAsync("tech-a", "refrigeration", 31.24, 121.47);
        var technician = hub.Client(await hub.CreateUserAsync("tech-user", Roles.Technician, technicianId: "tech-a"));
        var customer = hub.Client(await hub.CreateUserAsync("cust-user", Roles.Customer, customerId: "cust-q"));
        var admin = hub.Admin;

        foreach (var caller in new[] { technician, customer })
        {
            var refused = await caller.PostAsJsonAsync($"/api/work-orders/{siteA}/dispatch/quote", new { technicianId = "tech-a" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var unknownOrder = await admin.PostAsJsonAsync("/api/work-orders/wo-nope/dispatch/quote", new { technicianId = "tech-a" });
        Assert.Equal(HttpStatusCode.NotFound, unknownOrder.StatusCode);
        Assert.Contains("wo-nope", (await unknownOrder.Content.ReadFromJsonAsync<JsonObject>()).Text("detail"), StringComparison.Ordinal);

        var unknownTechnician = await admin.PostAsJsonAsync($"/api/work-orders/{siteA}/dispatch/quote", new { technicianId = "tech-nope" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTechnician.StatusCode);
        Assert.Equal("no technician 'tech-nope'", Error(await unknownTechnician.Content.ReadFromJsonAsync<JsonObject>(), "technicianId"));

        var blank = await admin.PostAsJsonAsync($"/api/work-orders/{siteA}/dispatch/quote", new { technicianId = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.NotNull(Error(await blank.Content.ReadFromJsonAsync<JsonObject>(), "technicianId"));

        // Once the technician is on the road the order can no longer be reassigned, so there is nothing to price.
        await HubApi.EnsureAsync(await admin.PostAsJsonAsync($"/api/work-orders/{siteA}/assign", new { technicianId = "tech-a" }), HttpStatusCode.OK);
        foreach (var step in new[] { "accept", "travel" })
        {
            await HubApi.EnsureAsync(await technician.PostAsync($"/api/work-orders/{siteA}/{step}", null), HttpStatusCode.OK);
        }

        var onTheRoad = await admin.PostAsJsonAsync($"/api/work-orders/{siteA}/dispatch/quote", new { technicianId = "tech-a" });
        Assert.Equal(HttpStatusCode.Conflict, onTheRoad.StatusCode);
        Assert.Contains("is travelling", (await onTheRoad.Content.ReadFromJsonAsync<JsonObject>()).Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrderWithoutALocationCannotBePricedButCanStillBeAssignedByHandAndTheReceiptSaysWhoAndWhy()
    {
        await using var hub = await HubHost.StartAsync(settings: NoRounds);
        await hub.CreateChillerModelAsync();
        await hub.CreateTechnicianAsync("tech-a", "refrigeration", 31.24, 121.47);
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/devices", new { id = "dev-nowhere", modelId = "chiller-x" }), HttpStatusCode.Created);
        var created = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = "dev-nowhere" });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>()).Text("id");
        var dispatcher = hub.Client(await hub.CreateUserAsync("disp-nowhere", Roles.Dispatcher));

        var quote = await dispatcher.PostAsJsonAsync($"/api/work-orders/{id}/dispatch/quote", new { technicianId = "tech-a" });
        Assert.Equal(HttpStatusCode.Conflict, quote.StatusCode);
        Assert.Contains("no location", (await quote.Content.ReadFromJsonAsync<JsonObject>()).Text("detail"), StringComparison.Ordinal);

        await HubApi.EnsureAsync(await dispatcher.PostAsJsonAsync($"/api/work-orders/{id}/assign", new { technicianId = "tech-a" }), HttpStatusCode.OK);

        var receipt = (await dispatcher.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}/dispatch"))!;
        Assert.Equal("tech-a", receipt.Text("technicianId"));
        var recorded = receipt["override"]!;
        Assert.Equal("disp-nowhere", recorded.Text("by"));
        Assert.Null(recorded["costDelta"]);
        Assert.Contains("no location", recorded.Text("unpriced"), StringComparison.Ordinal);
    }

    /// <returns>The ids of two new work orders, at devices about 19 km apart.</returns>
    private static async Task<(string SiteA, string SiteB)> TwoSitesAsync(HubHost hub)
    {
        await hub.CreateChillerModelAsync();
        var ids = new List<string>();
        foreach (var (device, lat) in new[] { ("dev-site-a", 31.23), ("dev-site-b", 31.40) })
        {
            await HubApi.EnsureAsync(
                await hub.Admin.PostAsJsonAsync("/api/devices", new { id = device, modelId = "chiller-x", location = new { lat, lon = 121.47 } }),
                HttpStatusCode.Created);
            var created = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = device });
            await HubApi.EnsureAsync(created, HttpStatusCode.Created);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonObject>()).Text("id"));
        }

        return (ids[0], ids[1]);
    }

    private static async Task<JsonObject> QuoteAsync(HttpClient client, string orderId, string technicianId)
    {
        var response = await client.PostAsJsonAsync($"/api/work-orders/{orderId}/dispatch/quote", new { technicianId });
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        var quote = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((orderId, technicianId), (quote.Text("orderId"), quote.Text("technicianId")));
        return quote;
    }

    private static (string, string?, string?) Single(JsonNode reassigned)
    {
        var only = Assert.Single(reassigned.AsArray())!;
        return (only.Text("orderId"), only["fromTechnicianId"]?.GetValue<string>(), only["toTechnicianId"]?.GetValue<string>());
    }

    private static double Number(JsonNode node, string name) => node[name]!.GetValue<double>();

    private static bool Bool(JsonNode node, string name) => node[name]!.GetValue<bool>();

    private static DateTimeOffset Time(JsonNode node, string name) =>
        DateTimeOffset.Parse(node[name]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static string? Error(JsonObject? problem, string field) => problem?["errors"]?[field]?[0]?.GetValue<string>();
}
