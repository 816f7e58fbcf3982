using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of the hub from loopback: mutated HTTP bodies and queries on every route. Nothing may
/// crash the hub or draw a 500, and good traffic in between is all kept.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261207;

    [Fact]
    public async Task MutatedHttpBodiesAndQueriesNeverDrawA500AndTheHubStaysHealthy()
    {
        await using var hub = await HubHost.StartAsync();
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", FuzzTargets.ModelBody(FuzzTargets.Model)), HttpStatusCode.Created);
        await hub.CreateCustomerAsync(FuzzTargets.Customer);
        await hub.RegisterDeviceAsync(FuzzTargets.Device, FuzzTargets.Model, FuzzTargets.Customer);
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/technicians", new { id = FuzzTargets.Technician, name = "Fuzz", skills = new[] { new { skill = "refrigeration", level = 3 } } }), HttpStatusCode.Created);
        var order = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = FuzzTargets.Device, skill = "refrigeration" });
        var orderId = (await order.Content.ReadFromJsonAsync<JsonObject>()).Text("id");
        await hub.CreateUserAsync(FuzzTargets.Victim, "dispatcher");
        var tokens = new Dictionary<string, string?>
        {
            [FuzzTargets.Anonymous] = null,
            ["admin"] = HubHost.AdminToken,
            ["technician"] = await hub.CreateUserAsync("fz-technician", "technician", technicianId: FuzzTargets.Technician),
            ["customer"] = await hub.CreateUserAsync("fz-customer", "customer", customerId: FuzzTargets.Customer),
        };
        var fuzzer = new HttpFuzzer(new Random(Seed), hub.Http.BaseAddress!, tokens);

        var failures = await fuzzer.RunAsync(FuzzTargets.All(orderId), count: 25_000, parallel: 8);

        Assert.True(failures.Count == 0, $"{failures.Count} answers of 500 or more, e.g.:\n" + string.Join("\n", failures.DistinctBy(f => f.Request.Split(' ', 3)[1].Split('?')[0]).Take(12).Select(f => $"{f.Status} ← {f.Request}")));
        Assert.Equal(HttpStatusCode.OK, (await hub.Admin.GetAsync("/health")).StatusCode);
        await AssertDispatchStillWorksAsync(hub);
    }

    /// <summary>Whatever the fuzz stored, the next order still finds its technician: bad records lose nothing else.</summary>
    private static async Task AssertDispatchStillWorksAsync(HubHost hub)
    {
        var skill = "after-fuzz";
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/technicians", new { id = "fz-after", name = "After", skills = new[] { new { skill, level = 3 } }, location = new { lat = 31.2, lon = 121.5 } }), HttpStatusCode.Created);
        var created = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = FuzzTargets.Device, skill, level = 1 });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>()).Text("id");

        var order = await Eventually.GetAsync(() => hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}"), o => o.Text("state") != "new", TimeSpan.FromSeconds(20), "dispatch after the fuzz");

        Assert.Equal(("assigned", "fz-after"), (order.Text("state"), order.Text("technicianId")));
    }
}
