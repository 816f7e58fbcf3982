using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Influx;
using MQTTnet;

namespace IotService.Integration.Tests.History;

/// <summary>SPEC §10: kill -9 of the hub under load loses no acknowledged QoS 1 reading.</summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const int Devices = 40;
    private const int ReadingsPerMessage = 20;

    private InfluxServer? _influx;

    // Started by the InfluxDB case only.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("sqlite", false)]
    [InlineData("sqlite", true)]
    [InlineData("influx", false)]
    public async Task EveryAcknowledgedQos1ReadingIsInTheHistoryAfterTheHubIsKilled(string store, bool feederBehind)
    {
        var data = TempFolder.Create("crash");
        var settings = new Dictionary<string, string> { ["History:Store"] = store };
        if (feederBehind)
        {
            // The spool holds everything acknowledged and the store nothing yet: batches wait a minute to fill, and
            // after the restart only the reads below (which ask the forwarder to catch up) bring it into the store.
            settings["History:Spool:ForwardIntervalMilliseconds"] = "60000";
            settings["History:Spool:ForwardBatchPoints"] = "1000000";
            settings["History:ReadCatchUpSeconds"] = "30";
        }

        if (store == "influx")
        {
            _influx = new InfluxServer();
            await _influx.InitializeAsync();
            // Acknowledged means "in the spool"; after the restart the spool forwards what InfluxDB lacks.
            settings["History:Influx:Url"] = _influx.Url;
            settings["History:Influx:Database"] = _influx.NewDatabase();
            settings["History:RawRetentionDays"] = "36500";
        }

        var hub = await HubProcess.StartAsync(data, settings);
        await CreateModelAsync(hub.Admin);
        var secrets = new Dictionary<string, string>();
        for (var d = 0; d < Devices; d++)
        {
            var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id = $"crash-{d}", modelId = "crash-model" });
            await HubApi.EnsureAsync(response, System.Net.HttpStatusCode.Created);
            secrets[$"crash-{d}"] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
        }

        // Connected one after another: 40 at once from one address would exceed Mqtt:MaxUnauthenticatedPerAddress (32).
        var devices = new List<MqttDevice>();
        foreach (var (id, secret) in secrets)
        {
            devices.Add(await MqttDevice.ConnectAsync(hub.MqttPort, id, secret));
        }

        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var acknowledged = new ConcurrentBag<(string Device, long Ms)>();
        var publishers = devices.Select(d => PublishUntilFailureAsync(d, start, acknowledged)).ToList();

        // Kill in the middle of the stream, once plenty has been acknowledged.
        await Eventually.GetAsync(() => Task.FromResult(acknowledged.Count), n => n >= 40_000, TimeSpan.FromSeconds(90), "40,000 acknowledged readings");
        var pendingAtKill = await SpoolPendingAsync(hub.Admin);
        hub.Kill();
        await Task.WhenAll(publishers);
        var acked = acknowledged.ToList();

        await using var restarted = await HubProcess.StartAsync(data, settings);
        if (feederBehind)
        {
            Assert.True(pendingAtKill > 0, "the store was not behind the spool when the hub was killed");
        }
        else
        {
            await Eventually.GetAsync(() => SpoolPendingAsync(restarted.Admin), pending => pending == 0, TimeSpan.FromSeconds(60), "spool drained after restart");
        }

        foreach (var group in acked.GroupBy(a => a.Device))
        {
            var stored = await HubApi.StoredAsync(restarted.Admin, group.Key, "v", start.AddSeconds(-1), start.AddHours(1));
            var missing = group.Where(a => !stored.TryGetValue(a.Ms, out var v) || v != a.Ms % 100_000).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {group.Count()} acknowledged readings of {group.Key} are missing after the crash");
        }
    }

    private static async Task PublishUntilFailureAsync(MqttDevice device, DateTimeOffset start, ConcurrentBag<(string, long)> acknowledged)
    {
        await using var client = device;
        var first = start.ToUnixTimeMilliseconds();
        for (var i = 0; ; i += ReadingsPerMessage)
        {
            // A gateway-style array: every reading has its own timestamp and a value derived from it.
            var batch = Enumerable.Range(i, ReadingsPerMessage).Select(n => first + n).ToList();
            var payload = "[" + string.Join(",", batch.Select(ms => $$$"""{"ts":{{{ms}}},"values":{"v":{{{(ms % 100_000).ToString(CultureInfo.InvariantCulture)}}}}}""")) + "]";
            try
            {
                var ack = await client.PublishAsync(payload);
                if (ack.ReasonCode != MqttClientPublishReasonCode.Success)
                {
                    return;
                }
            }
            catch (Exception)
            {
                return; // the hub is gone: this reading was not acknowledged
            }

            batch.ForEach(ms => acknowledged.Add((device.Id, ms)));
        }
    }

    private static async Task<long> SpoolPendingAsync(HttpClient admin)
        => (await admin.GetFromJsonAsync<JsonObject>("/api/ingest/stats"))!["history"]!["spoolPendingRecords"]!.GetValue<long>();

    private static async Task CreateModelAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/device-models", new { id = "crash-model", name = "Crash", properties = new[] { new { name = "v" } } });
        await HubApi.EnsureAsync(response, System.Net.HttpStatusCode.Created);
    }
}
