using System.Net;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Map;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>Device deltas leave the device grain once per batch and feed the hub's in-memory projection of the fleet.</summary>
[Collection(HubCollection.Name)]
public sealed class DeviceDeltaTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    private LiveMap Map => Hub.Get<LiveMap>();

    private Task<ProjectedDevice?> ViewAsync(string id, Func<ProjectedDevice, bool> done, string what)
        => Eventually.GetAsync(() => Task.FromResult(Map.Find(id)), v => v is not null && done(v), what: what);

    [Fact]
    public async Task FiveReadingsInOneMqttArrayReachTheProjectionAsOneDeltaWithTheLastValues()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id, customerId: "cust-a");
        var registered = await ViewAsync(id, _ => true, "the registered device");
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await staff.WatchAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-10);
        var readings = Enumerable.Range(0, 5).Select(i =>
            $$$"""{"ts":"{{{t0.AddSeconds(i):O}}}","values":{"rpm":{{{1000 + i}}},"temperature":{{{20 + i}}}},"location":{"lat":{{{31 + i}}},"lon":121.5}}""");

        await device.PublishAsync($"[{string.Join(',', readings)}]");

        var view = await ViewAsync(id, v => v.Sequence > registered!.Sequence, "the batch's delta");
        Assert.Equal(registered!.Sequence + 1, view!.Sequence);
        Assert.Equal((new GeoPoint(35, 121.5), DeviceStatus.Online, "cust-a"), (view.Location, view.Status, view.CustomerId));
        var entry = await staff.NextEntryAsync(id, e => e.TryGetProperty("values", out _));
        Assert.Equal(1004, entry.GetProperty("values").GetProperty("rpm").GetProperty("value").GetDouble());
        Assert.Equal(24, entry.GetProperty("values").GetProperty("temperature").GetProperty("value").GetDouble());
        Assert.Equal(t0.AddSeconds(4), entry.GetProperty("values").GetProperty("rpm").GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheProjectionFollowsPositionStatusAndWorstSeverity()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id, customerId: "cust-a");
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);

        await device.PublishAsync("""{"values":{"temperature":99,"rpm":4000},"location":{"lat":30.5,"lon":114.3}}""");

        var raised = await ViewAsync(id, v => v.HighestActiveSeverity == Severity.Critical, "the critical device");
        Assert.Equal((new GeoPoint(30.5, 114.3), DeviceStatus.Online), (raised!.Location, raised.Status));

        var alarm = Assert.Single(await Hub.AlarmsAsync($"deviceId={id}"));
        await HubApi.EnsureAsync(await Hub.Admin.PostAsync($"/api/alarms/{alarm.Text("id")}/clear", null), HttpStatusCode.OK);

        var cleared = await ViewAsync(id, v => v.HighestActiveSeverity == Severity.None, "the cleared device");
        Assert.Equal(raised.Sequence + 1, cleared!.Sequence);
    }
}
