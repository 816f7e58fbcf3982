using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Cluster;

/// <summary>Issue 18: the whole cluster stopped and started again keeps its state.</summary>
public sealed class ClusterRestartTests(ClusterServers servers) : IClassFixture<ClusterServers>
{
    [Fact]
    public async Task AfterEveryHubStopsAndStartsAgainDevicesAlarmsWorkOrdersAccountsAndTokensAreAsTheyWere()
    {
        await using var cluster = await TestCluster.StartAsync(servers, 2);
        await ClusterApi.CreateModelAsync(cluster.Hub(0));
        var secret = await ClusterApi.RegisterAsync(cluster.Hub(0), "restart-1");
        await using (var device = await MqttDevice.ConnectAsync(servers.Mosquitto.Port, "restart-1", secret, clientId: "restart-1"))
        {
            await device.PublishAsync("""{"values":{"temperature":95}}""");
        }

        var alarm = await cluster.EventuallyAsync(
            async () => (await cluster.Hub(1).Admin.GetFromJsonAsync<JsonObject>("/api/alarms?deviceId=restart-1&state=active"))!["items"]!.AsArray().FirstOrDefault(),
            a => a?["workOrderId"] is not null,
            TimeSpan.FromSeconds(15),
            "the alarm and its work order");
        var created = await cluster.Hub(1).Admin.PostAsJsonAsync("/api/users", new { username = "restart-dispatcher", role = Roles.Dispatcher, password = HubUsers.Password });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        using var anonymous = ClusterApi.Client(cluster.Hub(1), token: null);
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "restart-dispatcher", password = HubUsers.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        await Task.WhenAll(cluster.StopAsync(0), cluster.StopAsync(1));
        await Task.WhenAll(cluster.StartHubAsync(0), cluster.StartHubAsync(1));
        await cluster.WaitUntilActiveAsync(2);

        Assert.Equal(95, await ClusterApi.TemperatureAsync(cluster.Hub(0), "restart-1"));
        var stored = await cluster.Hub(0).Admin.GetFromJsonAsync<JsonObject>($"/api/alarms/{alarm!["id"]!.GetValue<string>()}");
        Assert.Equal("active", stored!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await cluster.Hub(0).Admin.GetAsync($"/api/work-orders/{alarm["workOrderId"]!.GetValue<string>()}")).StatusCode);
        using var signedIn = ClusterApi.Client(cluster.Hub(0), token);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/auth/me")).StatusCode);

        await using (var device = await MqttDevice.ConnectAsync(servers.Mosquitto.Port, "restart-1", secret, clientId: "restart-1"))
        {
            await device.PublishAsync("""{"values":{"temperature":21}}""");
        }

        await cluster.EventuallyAsync(() => ClusterApi.TemperatureAsync(cluster.Hub(1), "restart-1"), t => t == 21, TimeSpan.FromSeconds(15), "a reading after the restart");
    }
}
