using System.Text.Json;
using IotService.Dashboard.Live;
using IotService.Dashboard.Map;
using IotService.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Integration.Tests.Map;

/// <summary>The viewport contract of <c>/hubs/map</c> from a real SignalR client: snapshot, then deltas of what is in view.</summary>
[Collection(MapCollection.Name)]
public sealed class MapViewportTests(MapFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    private LiveMap Map => Hub.Get<LiveMap>();

    [Fact]
    public async Task OnlyDevicesInTheViewportComeBackInTheSnapshot()
    {
        var area = MapArea.Next();
        await area.RegisterAsync(Hub, "view-in-1", 0.2, 0.2);
        await area.RegisterAsync(Hub, "view-in-2", 0.8, 0.9);
        await area.RegisterAsync(Hub, "view-out", 1.5, 0.5);
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);

        var snapshot = await staff.JoinAsync(area.Viewport());

        Assert.Equal(["view-in-1", "view-in-2"], Ids(snapshot));
        Assert.Equal((2, false), (snapshot.GetProperty("total").GetInt32(), snapshot.GetProperty("clustered").GetBoolean()));
        var device = snapshot.GetProperty("devices")[0];
        Assert.Equal((area.At(0.2, 0.2).Lat, "unknown", "none", "chiller-x"), (device.GetProperty("lat").GetDouble(), device.GetProperty("status").GetString(), device.GetProperty("severity").GetString(), device.GetProperty("modelId").GetString()));
    }

    [Fact]
    public async Task TheSnapshotComesFirstThenDeltasOfTheDevicesInView()
    {
        var area = MapArea.Next();
        var secret = await area.RegisterAsync(Hub, "view-live");
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "view-live", secret);

        await staff.JoinAsync(area.Viewport());
        await device.PublishAsync("""{"values":{"rpm":1234,"temperature":21}}""");

        var entry = await staff.NextEntryAsync("view-live", e => e.TryGetProperty("values", out _));
        Assert.Equal(1234, entry.GetProperty("values").GetProperty("rpm").GetProperty("value").GetDouble());
        Assert.Equal("online", entry.GetProperty("status").GetString());
        Assert.Single(staff.Received(LiveMethods.ViewportSnapshot));
    }

    [Fact]
    public async Task ADeviceOutsideTheViewSendsNoDelta()
    {
        var area = MapArea.Next();
        var inside = await area.RegisterAsync(Hub, "view-near");
        var outside = await area.RegisterAsync(Hub, "view-far", dx: 2.5);
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var near = await MqttDevice.ConnectAsync(Hub.MqttPort, "view-near", inside);
        await using var far = await MqttDevice.ConnectAsync(Hub.MqttPort, "view-far", outside);
        await staff.JoinAsync(area.Viewport());

        var before = Map.Find("view-far")!.Sequence;
        await far.PublishAsync("""{"values":{"rpm":2000}}""");
        await AppliedAsync("view-far", before);
        await near.PublishAsync("""{"values":{"rpm":1000}}""");

        // Messages to one connection keep their order: had the far device been sent, it would have come first.
        await staff.NextEntryAsync("view-near");
        Assert.DoesNotContain(staff.Received(LiveMethods.DeviceDeltas), m => MapClient.EntriesOf(m, "view-far").Any());
    }

    [Fact]
    public async Task ManyReadingsOfOneDeviceBecomeAtMostOneEntryInAtMostOneMessagePerWindow()
    {
        var area = MapArea.Next();
        var secret = await area.RegisterAsync(Hub, "view-busy");
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "view-busy", secret);
        await staff.JoinAsync(area.Viewport());
        var windowsBefore = Map.WindowCount;
        var sequenceBefore = Map.Find("view-busy")!.Sequence;

        for (var i = 1; i <= 30; i++)
        {
            await device.PublishAsync($$$"""{"values":{"rpm":{{{1000 + i}}}}}""");
        }

        await staff.NextEntryAsync("view-busy", e => e.TryGetProperty("values", out var v) && v.GetProperty("rpm").GetProperty("value").GetDouble() == 1030);
        var windows = Map.WindowCount - windowsBefore + 1;
        var grainDeltas = Map.Find("view-busy")!.Sequence - sequenceBefore;
        var messages = staff.Received(LiveMethods.DeviceDeltas);

        Assert.All(messages, m => Assert.True(MapClient.EntriesOf(m, "view-busy").Count() <= 1));
        Assert.InRange(messages.Count, 1, windows);
        Assert.InRange(messages.Sum(m => MapClient.EntriesOf(m, "view-busy").Count()), 1, Math.Min(windows, grainDeltas));
    }

    [Fact]
    public async Task ADeviceMovingOutOfTheViewIsSentOnceAsRemoved()
    {
        var area = MapArea.Next();
        var moving = await area.RegisterAsync(Hub, "view-moving", 0.3, 0.3);
        var staying = await area.RegisterAsync(Hub, "view-staying", 0.7, 0.7);
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var mover = await MqttDevice.ConnectAsync(Hub.MqttPort, "view-moving", moving);
        await using var stayer = await MqttDevice.ConnectAsync(Hub.MqttPort, "view-staying", staying);
        await staff.JoinAsync(area.Viewport());
        var (lat, lon) = area.At(3, 0.5);

        await mover.PublishAsync($$$"""{"values":{"rpm":1},"location":{"lat":{{{lat}}},"lon":{{{lon}}}}}""");
        var removed = await staff.NextEntryAsync("view-moving");
        var before = Map.Find("view-moving")!.Sequence;
        await mover.PublishAsync("""{"values":{"rpm":2}}""");
        await AppliedAsync("view-moving", before);
        await stayer.PublishAsync("""{"values":{"rpm":3}}""");
        await staff.NextEntryAsync("view-staying");

        Assert.Equal("""{"id":"view-moving","removed":true}""", removed.GetRawText());
        Assert.Single(staff.Received(LiveMethods.DeviceDeltas), m => MapClient.EntriesOf(m, "view-moving").Any());
    }

    [Fact]
    public async Task ADeviceRegisteredInTheViewAppearsWithEveryMapField()
    {
        var area = MapArea.Next();
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await staff.JoinAsync(area.Viewport());

        await area.RegisterAsync(Hub, "view-new", 0.4, 0.6, customerId: "cust-a");

        var entry = await staff.NextEntryAsync("view-new");
        Assert.Equal((area.At(0.4, 0.6).Lat, area.At(0.4, 0.6).Lon), (entry.GetProperty("lat").GetDouble(), entry.GetProperty("lon").GetDouble()));
        Assert.Equal(("unknown", "none", "chiller-x", "cust-a"), (Text(entry, "status"), Text(entry, "severity"), Text(entry, "modelId"), Text(entry, "customerId")));
    }

    [Fact]
    public async Task ADeviceWhoseSeverityLeavesTheFilterIsRemovedFromTheView()
    {
        var area = MapArea.Next();
        var secret = await area.RegisterAsync(Hub, "view-filtered");
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, "view-filtered", secret);
        var noneOnly = await staff.JoinAsync(area.Viewport(severity: ["none"]));
        Assert.Equal(["view-filtered"], Ids(noneOnly));

        await device.PublishAsync("""{"values":{"temperature":99}}""");

        var removed = await staff.NextEntryAsync("view-filtered");
        Assert.True(removed.GetProperty("removed").GetBoolean());
        var critical = await staff.JoinAsync(area.Viewport(severity: ["critical"]));
        Assert.Equal("critical", Text(critical.GetProperty("devices")[0], "severity"));
    }

    [Theory]
    [InlineData(200.0, 0.0, 10.0, 1.0, 5.0, "west must be within [-180, 180]")]
    [InlineData(0.0, 5.0, 10.0, 1.0, 5.0, "south must not be greater than north")]
    [InlineData(0.0, 0.0, 10.0, 1.0, 30.0, "zoom must be within [0, 24]")]
    public async Task ABadViewportIsRefusedWithAHubExceptionThatSaysWhy(double west, double south, double east, double north, double zoom, string problem)
    {
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);

        var error = await Assert.ThrowsAsync<HubException>(() => staff.InvokeAsync("JoinViewport", new { west, south, east, north, zoom }));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFilterNamesAndTooManyWatchedDevicesAreRefused()
    {
        await using var staff = await MapClient.ConnectAsync(Hub, HubHost.AdminToken);

        var filter = await Assert.ThrowsAsync<HubException>(() => staff.InvokeAsync("JoinViewport", new { west = 0, south = 0, east = 1, north = 1, zoom = 5, status = new[] { "broken" } }));
        var watch = await Assert.ThrowsAsync<HubException>(() => staff.WatchAsync([.. Enumerable.Range(0, 501).Select(i => $"dev-{i}")]));

        Assert.Contains("status 'broken' is not one of unknown, online, offline", filter.Message, StringComparison.Ordinal);
        Assert.Contains("at most 500 device ids", watch.Message, StringComparison.Ordinal);
    }

    private Task AppliedAsync(string deviceId, long sequenceBefore) => Eventually.GetAsync(
        () => Task.FromResult(Map.Find(deviceId)?.Sequence ?? 0), s => s > sequenceBefore, what: $"{deviceId}'s delta in the projection");

    private static List<string> Ids(JsonElement snapshot) => [.. snapshot.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
