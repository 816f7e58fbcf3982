using System.Net;
using System.Net.Http.Json;
using IotService.Dashboard.Live;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Cluster;

/// <summary>
/// Issue 18: a shared server away for a while under load. The outage lasts <see cref="Outage"/>, as the issue asks: its
/// length is the fault being tested, not a wait for something to happen.
/// </summary>
public sealed class ClusterOutageTests(ClusterServers servers) : IClassFixture<ClusterServers>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PostgresAwayForThirtySecondsLosesNoAcknowledgedReadingAndRegistrationWorksAgainAfter()
    {
        var (cluster, load) = await ClusterLoad.StartWithClusterAsync(servers, "pg");
        await using var stopCluster = cluster;
        await using var stopLoad = load;

        await servers.Postgres.StopAsync();
        var during = await cluster.Hub(1).Admin.PostAsJsonAsync("/api/devices", new { id = "pg-late", modelId = ClusterLoad.Model });
        await Task.Delay(Outage);
        await servers.Postgres.StartAsync();

        // Refused as a passing outage, and (below) nothing of it left behind: the same registration succeeds afterwards
        // instead of meeting a device or broker account it half made.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        await cluster.EventuallyAsync(
            async () => (await cluster.Hub(1).Admin.PostAsJsonAsync("/api/devices", new { id = "pg-late", modelId = ClusterLoad.Model })).StatusCode,
            s => s == HttpStatusCode.Created,
            TimeSpan.FromSeconds(30),
            "a registration after PostgreSQL is back");
        var back = DateTimeOffset.UtcNow;
        await cluster.EventuallyAsync(() => load.AllProcessedSinceAsync(cluster.Hub(0), back), ok => ok, TimeSpan.FromSeconds(60), "every device processed after the outage");
        var acknowledged = await load.StopAsync();
        await cluster.EventuallyAsync(() => load.MissingAsync(cluster.Hub(0), acknowledged), missing => missing == 0, TimeSpan.FromSeconds(60), $"all {acknowledged.Count} acknowledged readings in the history");
    }

    [Fact]
    public async Task RedisAwayForThirtySecondsLeavesBothHubsWorkingAndTheirLiveEventsFlowAgainAfter()
    {
        var (cluster, load) = await ClusterLoad.StartWithClusterAsync(servers, "redis");
        await using var stopCluster = cluster;
        await using var stopLoad = load;

        servers.Redis.Stop();
        var stopped = DateTimeOffset.UtcNow;
        // Membership and the relay are away; the devices' grains and the broker's traffic are not.
        await cluster.EventuallyAsync(() => load.AllProcessedSinceAsync(cluster.Hub(0), stopped), ok => ok, Outage, "every device processed while Redis is away");
        await Task.Delay(Outage - (DateTimeOffset.UtcNow - stopped));
        var receivedBefore = await Task.WhenAll(cluster.Hubs.OfType<HubProcess>().Select(ReceivedEventsAsync));
        await servers.Redis.RestartAsync();

        // Pub/sub keeps nothing for a hub that is not subscribed yet: the relay is back once each hub hears the other
        // again (the load's device changes flow all the time).
        var hubs = cluster.Hubs.OfType<HubProcess>().ToList();
        for (var i = 0; i < hubs.Count; i++)
        {
            var before = receivedBefore[i];
            await cluster.EventuallyAsync(() => ReceivedEventsAsync(hubs[i]), n => n > before, TimeSpan.FromSeconds(30), $"hub {i} receiving the other's events again");
        }

        await using var first = await LiveClient.ConnectAsync(cluster.Hub(0).Url, HubHost.AdminToken);
        await using var second = await LiveClient.ConnectAsync(cluster.Hub(1).Url, HubHost.AdminToken);
        var response = await cluster.Hub(0).Admin.PostAsJsonAsync("/api/devices", new { id = "redis-hot", modelId = ClusterLoad.Model });
        await HubApi.EnsureAsync(response, HttpStatusCode.Created);
        var secret = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["secret"]!.GetValue<string>();
        await using var device = await MqttDevice.ConnectAsync(servers.Mosquitto.Port, "redis-hot", secret, clientId: "redis-hot");
        await device.PublishAsync("""{"values":{"t":95}}""");

        foreach (var (client, hub) in new[] { (first, 0), (second, 1) })
        {
            await cluster.EventuallyAsync(
                () => client.NextOrNullAsync(LiveMethods.Alarm, a => a.GetProperty("alarm").GetProperty("deviceId").GetString() == "redis-hot"),
                alarm => alarm is not null,
                TimeSpan.FromSeconds(30),
                $"the alarm on hub {hub}'s client");
        }

        await cluster.WaitUntilActiveAsync(2);
    }

    private static async Task<long> ReceivedEventsAsync(HubProcess hub)
        => (await hub.Admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/cluster"))!["events"]!["received"]!.GetValue<long>();

}
