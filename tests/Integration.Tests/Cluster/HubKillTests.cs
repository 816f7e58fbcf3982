using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IotService.Integration.Tests.Cluster;

/// <summary>Issue 18: one of two hubs killed with SIGKILL under load; the other carries on and nothing acknowledged is lost.</summary>
public sealed class HubKillTests(ClusterServers servers, ITestOutputHelper output) : IClassFixture<ClusterServers>
{
    [Fact]
    public async Task AHubKilledUnderLoadLosesNoAcknowledgedReadingAlarmOrWorkOrderAndTheOtherProcessesEveryDevice()
    {
        await using var cluster = await TestCluster.StartAsync(servers, 2);
        await ClusterLoad.CreateModelAsync(cluster.Hub(0));
        var alarms = await RaiseAlarmsAsync(cluster.Hub(0), 4);
        await using var load = await ClusterLoad.StartAsync(cluster.Hub(0), servers.Mosquitto.Port, "kill", 20);

        // Steady state first: both hubs take their share and every device's grain is busy.
        var steady = DateTimeOffset.UtcNow;
        await Eventually.GetAsync(() => load.AllProcessedSinceAsync(cluster.Hub(1), steady), ok => ok, TimeSpan.FromSeconds(60), "every device processed before the kill");

        var killedAt = DateTimeOffset.UtcNow;
        var sinceKill = Stopwatch.StartNew();
        cluster.Kill(0);
        await Eventually.GetAsync(() => load.AllProcessedSinceAsync(cluster.Hub(1), killedAt), ok => ok, TimeSpan.FromSeconds(90), "every device processed by the surviving hub");
        output.WriteLine($"every device processed again {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");

        var acknowledged = await load.StopAsync();
        // The killed hub comes back on its own folder and broker session: its spool and its queue at the broker hold its
        // share of what was acknowledged before and while it was away.
        await cluster.StartHubAsync(0);
        await Eventually.GetAsync(() => load.MissingAsync(cluster.Hub(1), acknowledged), missing => missing == 0, TimeSpan.FromSeconds(120), $"all {acknowledged.Count} acknowledged readings in the history");

        foreach (var (alarmId, workOrderId) in alarms)
        {
            var alarm = await cluster.Hub(1).Admin.GetFromJsonAsync<JsonObject>($"/api/alarms/{alarmId}");
            Assert.Equal("active", alarm!["state"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await cluster.Hub(1).Admin.GetAsync($"/api/work-orders/{workOrderId}")).StatusCode);
        }
    }

    /// <returns>The alarm and work order each hot device raised, stored before the kill.</returns>
    private async Task<List<(string Alarm, string WorkOrder)>> RaiseAlarmsAsync(HubProcess hub, int count)
    {
        var raised = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var id = $"kill-hot-{i}";
            var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = ClusterLoad.Model });
            await HubApi.EnsureAsync(response, HttpStatusCode.Created);
            var secret = (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
            await using var device = await MqttDevice.ConnectAsync(servers.Mosquitto.Port, id, secret, clientId: id);
            await device.PublishAsync("""{"values":{"t":95}}""");
            var alarm = await Eventually.GetAsync(
                async () => (await hub.Admin.GetFromJsonAsync<JsonObject>($"/api/alarms?deviceId={id}&state=active"))!["items"]!.AsArray().FirstOrDefault(),
                a => a?["workOrderId"] is not null,
                what: $"alarm and work order of {id}");
            raised.Add((alarm!["id"]!.GetValue<string>(), alarm["workOrderId"]!.GetValue<string>()));
        }

        return raised;
    }
}
