using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Live;
using IotService.Integration.Tests.Infrastructure;
using IotService.Integration.Tests.Map;

namespace IotService.Integration.Tests.Cluster;

/// <summary>SPEC §3, issue 18: two hubs are one service — any hub serves every device, live events and sign-ins.</summary>
public sealed class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private TestCluster Cluster => fixture.Cluster;

    private int BrokerPort => fixture.Servers.Mosquitto.Port;

    [Fact]
    public async Task ADeviceRegisteredOnOneHubPublishesThroughTheBrokerAndEitherHubShowsItsValue()
    {
        var secret = await ClusterApi.RegisterAsync(Cluster.Hub(1), "cl-value");
        await using var device = await MqttDevice.ConnectAsync(BrokerPort, "cl-value", secret, clientId: "cl-value");

        await device.PublishAsync("""{"values":{"temperature":12.5}}""");

        foreach (var hub in Cluster.Hubs.OfType<HubProcess>())
        {
            await Eventually.GetAsync(() => ClusterApi.TemperatureAsync(hub, "cl-value"), t => t == 12.5, what: "value on every hub");
        }
    }

    [Fact]
    public async Task ClientsOfEveryHubReceiveTheAlarmsOfDevicesWhereverTheirGrainsRun()
    {
        var ids = Enumerable.Range(0, 8).Select(i => $"cl-alarm-{i}").ToArray();
        await using var first = await LiveClient.ConnectAsync(Cluster.Hub(0).Url, HubHost.AdminToken);
        await using var second = await LiveClient.ConnectAsync(Cluster.Hub(1).Url, HubHost.AdminToken);

        foreach (var id in ids)
        {
            var secret = await ClusterApi.RegisterAsync(Cluster.Hub(0), id);
            await using var device = await MqttDevice.ConnectAsync(BrokerPort, id, secret, clientId: id);
            await device.PublishAsync("""{"values":{"temperature":95}}""");
        }

        // Device grains are placed at random over both hubs, so each client hears some alarms only through the relay.
        Assert.Equal(ids.Order(), await RaisedAsync(first, ids.Length));
        Assert.Equal(ids.Order(), await RaisedAsync(second, ids.Length));
    }

    [Fact]
    public async Task TheLiveMapOfEveryHubHoldsDevicesRegisteredAndReportingOnTheOther()
    {
        var secret = await ClusterApi.RegisterAsync(Cluster.Hub(0), "cl-map", lat: -33.8651, lon: 151.2099);
        await using var device = await MqttDevice.ConnectAsync(BrokerPort, "cl-map", secret, clientId: "cl-map");
        await device.PublishAsync("""{"values":{"temperature":20}}""");
        await Eventually.GetAsync(() => ClusterApi.TemperatureAsync(Cluster.Hub(0), "cl-map"), t => t == 20, what: "reading processed");

        await using var map = await MapClient.ConnectAsync(Cluster.Hub(1).Url, HubHost.AdminToken);
        var viewport = new { west = 151.20, south = -33.87, east = 151.22, north = -33.86, zoom = 18 };

        var seen = await Eventually.GetAsync(
            async () => (await map.JoinAsync(viewport)).GetProperty("devices").EnumerateArray().FirstOrDefault(d => d.GetProperty("id").GetString() == "cl-map"),
            d => d.ValueKind == System.Text.Json.JsonValueKind.Object && d.GetProperty("status").GetString() == "online",
            what: "the device online on the other hub's map");
        Assert.Equal(-33.8651, seen.GetProperty("lat").GetDouble(), 4);
    }

    /// <summary>The devices whose alarms the client heard raised, once <paramref name="count"/> are in or none came for a while.</summary>
    private static async Task<IEnumerable<string>> RaisedAsync(LiveClient client, int count)
    {
        var raised = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            while (raised.Count < count)
            {
                var alarm = await client.NextAsync(LiveMethods.Alarm, p => p.GetProperty("event").GetString() == "raised");
                raised.Add(alarm.GetProperty("alarm").GetProperty("deviceId").GetString()!);
            }
        }
        catch (TimeoutException)
        {
            // Compared below, so the failure names the devices whose alarms did not arrive.
        }

        return raised;
    }

    [Fact]
    public async Task ASignInOnOneHubWorksOnTheOtherAndSigningOutThereEndsItOnBoth()
    {
        var created = await Cluster.Hub(0).Admin.PostAsJsonAsync("/api/users", new { username = "cl-dispatcher", role = Roles.Dispatcher, password = HubUsers.Password });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        using var anonymous = ClusterApi.Client(Cluster.Hub(0), token: null);
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "cl-dispatcher", password = HubUsers.Password });
        await HubApi.EnsureAsync(login, HttpStatusCode.OK);
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var onFirst = ClusterApi.Client(Cluster.Hub(0), token);
        using var onSecond = ClusterApi.Client(Cluster.Hub(1), token);

        // Tokens are protected with the key ring both hubs read from PostgreSQL.
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/auth/me")).StatusCode);
        await HubApi.EnsureAsync(await onSecond.PostAsync("/api/auth/logout", null), HttpStatusCode.NoContent);

        // The first hub caches accounts for ten minutes here; it learns of the sign-out from the second hub.
        await Eventually.GetAsync(async () => (await onFirst.GetAsync("/api/auth/me")).StatusCode, s => s == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(20), "token refused on the first hub");
    }
}
