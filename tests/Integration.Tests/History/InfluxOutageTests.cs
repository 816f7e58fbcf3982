using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Influx;
using MQTTnet;

namespace IotService.Integration.Tests.History;

/// <summary>SPEC §10: InfluxDB down while readings flow loses nothing; the spool replays them exactly once.</summary>
public sealed class InfluxOutageTests : IAsyncLifetime
{
    private const int Devices = 4;
    private readonly InfluxServer _influx = new();

    public Task InitializeAsync() => _influx.InitializeAsync();

    public Task DisposeAsync() => _influx.DisposeAsync();

    [Fact]
    public async Task ReadingsPublishedWhileInfluxIsDownArriveExactlyOnceWhenItIsBack()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["History:Store"] = "influx",
            ["History:Influx:Url"] = _influx.Url,
            ["History:Influx:Database"] = _influx.NewDatabase(),
            ["History:Influx:TimeoutSeconds"] = "2",
            ["History:RawRetentionDays"] = "36500",
        });
        await hub.CreateChillerModelAsync();
        var devices = new List<MqttDevice>();
        for (var d = 0; d < Devices; d++)
        {
            var (secret, _) = await hub.RegisterDeviceAsync($"out-{d}");
            devices.Add(await MqttDevice.ConnectAsync(hub.MqttPort, $"out-{d}", secret));
        }

        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var acknowledged = new ConcurrentDictionary<(string, long), byte>();
        using var stop = new CancellationTokenSource();
        var publishers = devices.Select(d => PublishAsync(d, start, acknowledged, stop.Token)).ToList();

        await WaitForAcknowledgedAsync(acknowledged, 500);
        await _influx.StopAsync();
        var beforeOutage = acknowledged.Count;
        await WaitForAcknowledgedAsync(acknowledged, beforeOutage + 1_000);
        var degraded = await Eventually.GetAsync(() => hub.Http.GetFromJsonAsync<JsonObject>("/health"), h => h!["checks"]!["history"]!["status"]!.GetValue<string>() == "degraded", what: "history degraded");
        Assert.Equal("degraded", degraded!["status"]!.GetValue<string>());
        await _influx.StartAsync();
        await WaitForAcknowledgedAsync(acknowledged, acknowledged.Count + 500);
        await stop.CancelAsync();
        await Task.WhenAll(publishers);

        await Eventually.GetAsync(hub.StatsAsync, s => s["history"]!["spoolPendingRecords"]!.GetValue<long>() == 0 && s["history"]!["storeReachable"]!.GetValue<bool>(), TimeSpan.FromSeconds(60), "spool drained");
        foreach (var group in acknowledged.Keys.GroupBy(k => k.Item1))
        {
            var stored = await HubApi.StoredAsync(hub.Admin, group.Key, "temperature", start.AddSeconds(-1), start.AddHours(1));
            Assert.Equal(group.Select(k => k.Item2).Order(), stored.Keys.Order());
        }

        foreach (var device in devices)
        {
            await device.DisposeAsync();
        }
    }

    private static async Task PublishAsync(MqttDevice device, DateTimeOffset start, ConcurrentDictionary<(string, long), byte> acknowledged, CancellationToken stop)
    {
        var first = start.ToUnixTimeMilliseconds();

        // Values stay inside the chiller's declared temperature range (−40…150): others are rejected as out_of_range.
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var ms = first + i;
            var ack = await device.PublishAsync($$$"""{"ts":{{{ms}}},"values":{"temperature":{{{(i % 100).ToString(CultureInfo.InvariantCulture)}}}}}""");
            Assert.Equal(MqttClientPublishReasonCode.Success, ack.ReasonCode);
            acknowledged[(device.Id, ms)] = 0;
        }
    }

    private static Task WaitForAcknowledgedAsync(ConcurrentDictionary<(string, long), byte> acknowledged, int count)
        => Eventually.GetAsync(() => Task.FromResult(acknowledged.Count), n => n >= count, TimeSpan.FromSeconds(60), $"{count} acknowledged readings");

}
