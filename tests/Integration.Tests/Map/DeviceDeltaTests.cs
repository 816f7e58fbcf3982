using System.Net;
using System.Text.Json;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Live;
using IotService.Dashboard.Map;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>Device deltas leave the device grain once per batch and feed the hub's in-memory projection of the fleet.</summary>
[Collection(HubCollection.Name)]
public sealed class DeviceDeltaTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    private DeviceProjection Projection => Hub.Get<DeviceProjection>();

    private Task<ProjectedDevice?> ViewAsync(string id, Func<ProjectedDevice, bool> done, string what)
        => Eventually.GetAsync(() => Task.FromResult(Projection.Find(id)), v => v is not null && done(v), what: what);

    [Fact]
    public async Task FiveReadingsInOneMqttArrayReachTheProjectionAsOneDeltaWithTheLastValues()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id, customerId: "cust-a");
        var registered = await ViewAsync(id, _ => true, "the registered device");
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-10);
        var readings = Enumerable.Range(0, 5).Select(i =>
            $$$"""{"ts":"{{{t0.AddSeconds(i):O}}}","values":{"rpm":{{{1000 + i}}},"temperature":{{{20 + i}}}},"location":{"lat":{{{31 + i}}},"lon":121.5}}""");

        await device.PublishAsync($"[{string.Join(',', readings)}]");

        var view = await ViewAsync(id, v => v.Sequence > registered!.Sequence, "the batch's delta");
        Assert.Equal((1L, 2L), (registered!.Sequence, view!.Sequence));
        Assert.Equal(new PropertyValue(1004, t0.AddSeconds(4)), view.Values["rpm"]);
        Assert.Equal(new PropertyValue(24, t0.AddSeconds(4)), view.Values["temperature"]);
        Assert.Equal((new GeoPoint(35, 121.5), DeviceStatus.Online, "cust-a"), (view.Location, view.Status, view.CustomerId));
    }

    [Fact]
    public async Task TheProjectionFollowsPositionStatusAndWorstSeverityAndStaffAloneHearOfIt()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id, customerId: "cust-a");
        await using var staff = await LiveClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var customer = await LiveClient.ConnectAsync(Hub, await Hub.CreateUserAsync($"map-{id}", "customer", customerId: "cust-a"));
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);

        await device.PublishAsync("""{"values":{"temperature":99,"rpm":4000},"location":{"lat":30.5,"lon":114.3}}""");

        var raised = await ViewAsync(id, v => v.HighestActiveSeverity == Severity.Critical, "the critical device");
        Assert.Equal((new GeoPoint(30.5, 114.3), DeviceStatus.Online, 99.0), (raised!.Location, raised.Status, raised.Values["temperature"].Value));
        var message = await staff.NextAsync(LiveMethods.DeviceDeltas, p => SeverityOf(Of(p, id)) == "critical");
        var pushed = Of(message, id)!.Value;
        Assert.Equal(("critical", "online", 30.5), (pushed.GetProperty("severity").GetString(), pushed.GetProperty("status").GetString(), pushed.GetProperty("lat").GetDouble()));
        Assert.Equal(4000, pushed.GetProperty("values").GetProperty("rpm").GetProperty("value").GetDouble());

        var alarm = Assert.Single(await Hub.AlarmsAsync($"deviceId={id}"));
        await HubApi.EnsureAsync(await Hub.Admin.PostAsync($"/api/alarms/{alarm.Text("id")}/clear", null), HttpStatusCode.OK);

        var cleared = await ViewAsync(id, v => v.HighestActiveSeverity == Severity.None, "the cleared device");
        Assert.Equal(raised.Sequence + 1, cleared!.Sequence);
        await staff.NextAsync(LiveMethods.DeviceDeltas, p => SeverityOf(Of(p, id)) == "none");
        // Deltas carry technician-only values (rpm): until the map filters them per viewer, customers get none at all.
        Assert.Equal(0, customer.Unread(LiveMethods.DeviceDeltas));
    }

    private static string? SeverityOf(JsonElement? delta) =>
        delta is { } d && d.TryGetProperty("severity", out var severity) ? severity.GetString() : null;

    private static JsonElement? Of(JsonElement deltas, string id)
    {
        foreach (var delta in deltas.EnumerateArray())
        {
            if (delta.GetProperty("id").GetString() == id)
            {
                return delta;
            }
        }

        return null;
    }
}
