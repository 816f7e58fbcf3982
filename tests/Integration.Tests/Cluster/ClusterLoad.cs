using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;
using MQTTnet;

namespace IotService.Integration.Tests.Cluster;

/// <summary>
/// Devices publishing through the broker, each a QoS 1 message of <see cref="ReadingsPerMessage"/> readings every
/// <see cref="Interval"/> (a steady load the two hubs of a test keep up with on a shared machine), every reading's value
/// derived from its timestamp, and every reading the broker acknowledged remembered.
/// </summary>
public sealed class ClusterLoad : IAsyncDisposable
{
    public const string Model = "cl-load";
    public const int ReadingsPerMessage = 10;

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly List<MqttDevice> _devices;
    private readonly Dictionary<string, string> _secrets;
    private readonly List<Task> _publishers;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<(string Device, long Ms)> _acknowledged = [];

    private ClusterLoad(List<MqttDevice> devices, Dictionary<string, string> secrets, DateTimeOffset start)
    {
        _devices = devices;
        _secrets = secrets;
        Start = start;
        _publishers = [.. devices.Select(PublishAsync)];
    }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<string> DeviceIds => [.. _devices.Select(d => d.Id)];

    public int AcknowledgedCount => _acknowledged.Count;

    public static async Task CreateModelAsync(HubProcess hub)
    {
        var response = await hub.Admin.PostAsJsonAsync("/api/device-models", new
        {
            id = Model,
            name = "Load",
            properties = new object[] { new { name = "v" }, new { name = "t" } },
            rules = new object[] { new { id = "hot", kind = "threshold", property = "t", @operator = ">", value = 90, durationSeconds = 0, clearValue = 85, severity = "critical" } },
            actions = new Dictionary<string, string[]> { ["critical"] = ["createWorkOrder"] },
            workOrder = new { type = "repair", skill = "refrigeration", level = 1 },
        });
        await HubApi.EnsureAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Registers <paramref name="count"/> devices through <paramref name="hub"/>, connects them to the broker and starts publishing.</summary>
    public static async Task<ClusterLoad> StartAsync(HubProcess hub, int brokerPort, string prefix, int count)
    {
        var devices = new List<MqttDevice>();
        var secrets = new Dictionary<string, string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i}";
            var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = Model, location = new { lat = 1.0 + (i * 0.01), lon = 2.0 } });
            await HubApi.EnsureAsync(response, HttpStatusCode.Created);
            var secret = (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
            secrets[id] = secret;
            devices.Add(await MqttDevice.ConnectAsync(brokerPort, id, secret, clientId: id));
        }

        // Readings in the recent past, so they are inside every retention and query window.
        return new ClusterLoad(devices, secrets, DateTimeOffset.UtcNow.AddMinutes(-10).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond)));
    }

    /// <summary>Two hubs, devices publishing through the broker, and every device processed: the state a fault meets.</summary>
    public static async Task<(TestCluster Cluster, ClusterLoad Load)> StartWithClusterAsync(ClusterServers servers, string prefix, int devices = 10)
    {
        var cluster = await TestCluster.StartAsync(servers, 2);
        await CreateModelAsync(cluster.Hub(0));
        var load = await StartAsync(cluster.Hub(0), servers.Mosquitto.Port, prefix, devices);
        var started = DateTimeOffset.UtcNow;
        await cluster.EventuallyAsync(() => load.AllProcessedSinceAsync(cluster.Hub(1), started), ok => ok, TimeSpan.FromSeconds(60), "every device processed");
        return (cluster, load);
    }

    /// <summary>Every device's grain has processed a reading it received after <paramref name="since"/>, as any hub shows it.</summary>
    public async Task<bool> AllProcessedSinceAsync(HubProcess hub, DateTimeOffset since)
    {
        foreach (var id in DeviceIds)
        {
            // 503 while the grain's hub is being declared dead: not processed yet.
            var response = await hub.Admin.GetAsync($"/api/devices/{id}");
            var device = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            var lastSeen = device?["lastSeen"]?.GetValue<DateTimeOffset>();
            if (lastSeen is null || lastSeen <= since)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Each device connects afresh and sends one reading of <c>t</c> (after its load connection was lost), sending it
    /// again while the broker answers "no matching subscribers", as docs/ingest.md asks of MQTT 5 devices: just after a
    /// broker restart no hub has subscribed yet, and the broker drops the reading.
    /// </summary>
    public async Task PublishOnceEachAsync(int brokerPort)
    {
        foreach (var (id, secret) in _secrets)
        {
            await using var device = await MqttDevice.ConnectAsync(brokerPort, id, secret, clientId: id);
            var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
            MqttClientPublishResult ack;
            while ((ack = await device.PublishAsync("""{"values":{"t":20}}""")).ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers
                   && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            if (ack.ReasonCode != MqttClientPublishReasonCode.Success)
            {
                throw new InvalidOperationException($"{id}: the broker answered {ack.ReasonCode}");
            }
        }
    }

    /// <summary>Stops publishing; the readings acknowledged until then.</summary>
    public async Task<IReadOnlyList<(string Device, long Ms)>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_publishers);
        return [.. _acknowledged];
    }

    /// <summary>For every device, the acknowledged readings the history (read through <paramref name="hub"/>) lacks.</summary>
    public async Task<int> MissingAsync(HubProcess hub, IReadOnlyList<(string Device, long Ms)> acknowledged)
    {
        var missing = 0;
        foreach (var group in acknowledged.GroupBy(a => a.Device))
        {
            var stored = await HubApi.StoredAsync(hub.Admin, group.Key, "v", Start.AddSeconds(-1), Start.AddHours(1));
            missing += group.Count(a => !stored.TryGetValue(a.Ms, out var v) || v != a.Ms % 100_000);
        }

        return missing;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task PublishAsync(MqttDevice device)
    {
        using var pace = new PeriodicTimer(Interval);
        var first = Start.ToUnixTimeMilliseconds();
        for (var i = 0; await Paced(pace); i += ReadingsPerMessage)
        {
            var batch = Enumerable.Range(i, ReadingsPerMessage).Select(n => first + n).ToList();
            var payload = "[" + string.Join(",", batch.Select(ms => $$$"""{"ts":{{{ms}}},"values":{"v":{{{(ms % 100_000).ToString(CultureInfo.InvariantCulture)}}}}}""")) + "]";
            MqttClientPublishResult ack;
            try
            {
                ack = await device.PublishAsync(payload);
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException or OperationCanceledException)
            {
                return; // the broker is gone: this message was not acknowledged
            }

            if (ack.ReasonCode != MqttClientPublishReasonCode.Success)
            {
                throw new InvalidOperationException($"{device.Id}: the broker answered {ack.ReasonCode}");
            }

            batch.ForEach(ms => _acknowledged.Add((device.Id, ms)));
        }
    }

    private async Task<bool> Paced(PeriodicTimer pace)
    {
        try
        {
            return await pace.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
