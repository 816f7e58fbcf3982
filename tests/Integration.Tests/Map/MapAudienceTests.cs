using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Live;
using IotService.Dashboard.Map;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>Who sees what on the live map: customers their own devices and values, watchers their watched devices, staff the technicians.</summary>
[Collection(MapCollection.Name)]
public sealed class MapAudienceTests(MapFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    private LiveMap Map => Hub.Get<LiveMap>();

    [Fact]
    public async Task ACustomersConnectionGetsOnlyItsOwnDevicesAndNoTechnicianOnlyValues()
    {
        var area = MapArea.Next();
        var mine = await area.RegisterAsync(Hub, "scope-mine", 0.3, 0.3, customerId: "cust-a");
        var theirs = await area.RegisterAsync(Hub, "scope-theirs", 0.6, 0.6, customerId: "cust-b");
        await using var customer = await MapClient.ConnectAsync(Hub, await Hub.CreateUserAsync("map-customer-a", Roles.Customer, customerId: "cust-a"));
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var myDevice = await MqttDevice.ConnectAsync(Hub.MqttPort, "scope-mine", mine);
        await using var theirDevice = await MqttDevice.ConnectAsync(Hub.MqttPort, "scope-theirs", theirs);

        var snapshot = await customer.JoinAsync(area.Viewport());
        await customer.WatchAsync("scope-theirs");
        await staff.JoinAsync(area.Viewport());
        var before = Map.Find("scope-theirs")!.Sequence;
        await theirDevice.PublishAsync("""{"values":{"rpm":2222,"temperature":22}}""");
        await Eventually.GetAsync(() => Task.FromResult(Map.Find("scope-theirs")!.Sequence), s => s > before, what: "the other customer's delta");
        await myDevice.PublishAsync("""{"values":{"rpm":1111,"temperature":11}}""");

        var seen = await customer.NextEntryAsync("scope-mine", e => e.TryGetProperty("values", out _));
        var staffSaw = await staff.NextEntryAsync("scope-mine", e => e.TryGetProperty("values", out _));
        Assert.Equal(["scope-mine"], snapshot.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.False(snapshot.TryGetProperty("technicians", out _));
        Assert.Equal(["temperature"], seen.GetProperty("values").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1111, staffSaw.GetProperty("values").GetProperty("rpm").GetProperty("value").GetDouble());
        Assert.DoesNotContain(customer.Received(LiveMethods.DeviceDeltas), m => MapClient.EntriesOf(m, "scope-theirs").Any());
        Assert.DoesNotContain(customer.Received(LiveMethods.DeviceDeltas), m => m.GetRawText().Contains("rpm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWatchedDeviceOutsideTheViewGetsDeltasMarkedWatched()
    {
        var area = MapArea.Next();
        var secret = await area.RegisterAsync(Hub, "scope-watched", dx: 4);
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "scope-watched", secret);
        await staff.JoinAsync(area.Viewport());

        await staff.WatchAsync("scope-watched");
        await device.PublishAsync("""{"values":{"rpm":3333}}""");

        var entry = await staff.NextEntryAsync("scope-watched", e => e.TryGetProperty("values", out _));
        Assert.True(entry.GetProperty("watched").GetBoolean());
        Assert.Equal(3333, entry.GetProperty("values").GetProperty("rpm").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task StaffSeeTechniciansWithTheirMovesAndTheOrderTheyAreOn()
    {
        var area = MapArea.Next();
        var (lat, lon) = area.At(0.5, 0.5);
        await area.RegisterAsync(Hub, "scope-job", 0.5, 0.5);
        await HubApi.EnsureAsync(
            await Hub.Admin.PostAsJsonAsync("/api/technicians", new { id = "map-tech", name = "Map Tech", skills = new[] { new { skill = "map-only", level = 3 } }, location = new { lat, lon } }),
            HttpStatusCode.Created);
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);

        var snapshot = await staff.JoinAsync(area.Viewport());
        await HubApi.EnsureAsync(await Hub.Admin.PutAsJsonAsync("/api/technicians/map-tech/location", new { lat = lat + 0.1, lon }), HttpStatusCode.OK);
        var moved = await NextTechnicianAsync(staff, t => t.GetProperty("lat").GetDouble() > lat);
        var created = await Hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = "scope-job", type = "repair", skill = "map-only", level = 1, priority = "high", description = "map test" });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        var orderId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var onOrder = await NextTechnicianAsync(staff, t => t.TryGetProperty("currentWorkOrderId", out var id) && id.GetString() == orderId);

        var shown = snapshot.GetProperty("technicians").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "map-tech");
        Assert.Equal(("Map Tech", lat, true), (shown.GetProperty("name").GetString(), shown.GetProperty("lat").GetDouble(), shown.GetProperty("available").GetBoolean()));
        Assert.Equal(lon, moved.GetProperty("lon").GetDouble());
        Assert.Equal("map-tech", onOrder.GetProperty("id").GetString());
    }

    private static async Task<JsonElement> NextTechnicianAsync(MapClient client, Func<JsonElement, bool> match)
    {
        bool Mine(JsonElement t) => t.GetProperty("id").GetString() == "map-tech" && match(t);
        var (_, message) = await client.NextAsync(LiveMethods.TechnicianDeltas, m => m.EnumerateArray().Any(Mine));
        return message.EnumerateArray().Single(Mine);
    }
}
