using System.Net;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Cluster;

/// <summary>
/// Issue 18: the broker restarting under load. A class of its own, so its broker has served no other cluster: on a broker
/// that earlier clusters' hubs used, the hubs subscribed again but received nothing in one of four runs (not understood
/// yet; noted in docs/operations.md).
/// </summary>
public sealed class BrokerRestartTests(ClusterServers servers) : IClassFixture<ClusterServers>
{
    [Fact]
    public async Task TheBrokerRestartingLosesNoReadingItAcknowledgedAndBothHubsSubscribeAgain()
    {
        var (cluster, load) = await ClusterLoad.StartWithClusterAsync(servers, "broker");
        await using var stopCluster = cluster;
        await using var stopLoad = load;

        // The devices lose their connections with the broker; what it acknowledged until then is in its saved state.
        await servers.Mosquitto.StopGracefullyAsync();
        var acknowledged = await load.StopAsync();
        await servers.Mosquitto.RestartAsync();

        // Healthy again means connected and subscribed; then the devices' new connections are served by the cluster.
        foreach (var hub in cluster.Hubs.OfType<HubProcess>())
        {
            await Eventually.GetAsync(async () => (await hub.Admin.GetAsync("/health")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the hub subscribed again");
        }

        var restarted = DateTimeOffset.UtcNow;
        await load.PublishOnceEachAsync(servers.Mosquitto.Port);
        await cluster.EventuallyAsync(() => load.AllProcessedSinceAsync(cluster.Hub(0), restarted), ok => ok, TimeSpan.FromSeconds(90), "every device processed after the restart");
        await cluster.EventuallyAsync(() => load.MissingAsync(cluster.Hub(1), acknowledged), missing => missing == 0, TimeSpan.FromSeconds(60), $"all {acknowledged.Count} acknowledged readings in the history");
    }
}
