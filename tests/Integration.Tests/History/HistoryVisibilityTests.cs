using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.History;

/// <summary>
/// A QoS 1 reading is acknowledged once the spool has it and reaches the history store a moment later; a history query
/// asks the forwarder to catch up first, so it never misses a reading acknowledged before it.
/// </summary>
public sealed class HistoryVisibilityTests
{
    [Fact]
    public async Task AReadingIsInTheTelemetryApiTheMomentItIsAcknowledgedWhileTheStoreIsStillBehind()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            // Left alone, the forwarder would let readings gather for a minute before writing them to SQLite.
            ["History:Spool:ForwardIntervalMilliseconds"] = "60000",
            ["History:Spool:ForwardBatchPoints"] = "1000000",
        });
        await hub.CreateChillerModelAsync();
        var (secret, _) = await hub.RegisterDeviceAsync("dev-seen");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-seen", secret);
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);

        await device.PublishAsync($$$"""{"ts":"{{{at:O}}}","values":{"temperature":21.5}}""");
        var pending = (await hub.StatsAsync())["history"]!["spoolPendingRecords"]!.GetValue<long>();
        var stored = await HubApi.StoredAsync(hub.Admin, "dev-seen", "temperature", at.AddSeconds(-1), at.AddSeconds(1));

        Assert.True(pending > 0, "the store had the reading before the query asked for it");
        Assert.Equal(21.5, Assert.Single(stored).Value);
    }
}
