using System.Text.Json;
using IotService.Contracts.Common;
using IotService.Dashboard.Live;
using IotService.Dashboard.Map;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>More devices in view than a snapshot lists (<see cref="MapFixture.MaxSnapshotDevices"/>): clusters, with serious faults on their own.</summary>
[Collection(MapCollection.Name)]
public sealed class MapClusterTests(MapFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    private LiveMap Map => Hub.Get<LiveMap>();

    [Fact]
    public async Task TooManyDevicesInViewComeAsClustersWithEverySeriousDeviceOnItsOwn()
    {
        var area = MapArea.Next();
        var secrets = new Dictionary<string, string>();
        for (var i = 0; i < 6; i++)
        {
            secrets[$"cluster-{i}"] = await area.RegisterAsync(Hub, $"cluster-{i}", 0.1 + (i * 0.15), 0.5);
        }

        await using (var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "cluster-0", secrets["cluster-0"]))
        {
            await device.PublishAsync("""{"values":{"temperature":99}}""");
        }

        await Eventually.GetAsync(() => Task.FromResult(Map.Find("cluster-0")!.HighestActiveSeverity), s => s == Severity.Critical, what: "cluster-0 critical");
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);

        // Zoom 0: one cell holds the whole square.
        var snapshot = await staff.JoinAsync(area.Viewport(zoom: 0));

        Assert.Equal((6, true), (snapshot.GetProperty("total").GetInt32(), snapshot.GetProperty("clustered").GetBoolean()));
        Assert.Equal("cluster-0", Assert.Single(snapshot.GetProperty("devices").EnumerateArray()).GetProperty("id").GetString());
        var cluster = Assert.Single(snapshot.GetProperty("clusters").EnumerateArray());
        Assert.Equal((5, "none"), (cluster.GetProperty("count").GetInt32(), cluster.GetProperty("severity").GetString()));

        await using (var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "cluster-5", secrets["cluster-5"]))
        {
            await device.PublishAsync("""{"values":{"temperature":98}}""");
        }

        var entered = await staff.NextEntryAsync("cluster-5", e => e.TryGetProperty("severity", out var s) && s.GetString() == "critical");
        var (_, again) = await staff.NextAsync(LiveMethods.ViewportClusters, c => c.GetProperty("clusters")[0].GetProperty("count").GetInt32() == 4);
        Assert.Equal(area.At(0.85, 0.5).Lon, entered.GetProperty("lon").GetDouble());
        Assert.Equal(6, again.GetProperty("total").GetInt32());
    }
}
