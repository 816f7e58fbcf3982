using IotService.Dashboard.Live;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>The live map over the MessagePack protocol: the same shapes as JSON (camelCase keys, enum names as strings).</summary>
[Collection(MapCollection.Name)]
public sealed class MapMessagePackTests(MapFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task AMessagePackClientGetsAlarmAndWorkOrderEventsInTheirJsonShape()
    {
        var area = MapArea.Next();
        var secret = await area.RegisterAsync(Hub, "packed-hot");
        await using var client = await MapClient.ConnectAsync(Hub, HubHost.AdminToken, messagePack: true);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "packed-hot", secret);

        await device.PublishAsync("""{"values":{"temperature":99}}""");

        var (_, alarm) = await client.NextAsync(LiveMethods.Alarm, a => a.GetProperty("alarm").GetProperty("deviceId").GetString() == "packed-hot");
        var (_, order) = await client.NextAsync(LiveMethods.WorkOrder, o => o.GetProperty("order").GetProperty("deviceId").GetString() == "packed-hot");
        Assert.Equal(("raised", "critical", "active"), (Text(alarm, "event"), Text(alarm.GetProperty("alarm"), "severity"), Text(alarm.GetProperty("alarm"), "state")));
        Assert.Equal(("created", "repair"), (Text(order, "event"), Text(order.GetProperty("order"), "type")));
    }

    [Fact]
    public async Task AMessagePackClientJoinsAViewportAndGetsItsSnapshotAndDeltas()
    {
        var area = MapArea.Next();
        var secret = await area.RegisterAsync(Hub, "packed-1", customerId: "cust-b");
        await using var client = await MapClient.ConnectAsync(Hub, HubHost.AdminToken, messagePack: true);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "packed-1", secret);

        var snapshot = await client.JoinAsync(area.Viewport());
        await device.PublishAsync("""{"values":{"rpm":4321}}""");
        var entry = await client.NextEntryAsync("packed-1", e => e.TryGetProperty("values", out _));

        var shown = snapshot.GetProperty("devices")[0];
        Assert.Equal(("packed-1", "none", "unknown", "cust-b"), (Text(shown, "id"), Text(shown, "severity"), Text(shown, "status"), Text(shown, "customerId")));
        Assert.Equal(area.At(0.5, 0.5).Lat, shown.GetProperty("lat").GetDouble());
        Assert.Equal(4321, entry.GetProperty("values").GetProperty("rpm").GetProperty("value").GetDouble());
        Assert.Equal("online", Text(entry, "status"));
        Assert.Single(client.Received(LiveMethods.ViewportSnapshot));
    }

    private static string? Text(System.Text.Json.JsonElement element, string property) => element.GetProperty(property).GetString();
}
