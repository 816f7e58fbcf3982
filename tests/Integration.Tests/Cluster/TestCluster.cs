using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Cluster;

/// <summary>
/// Hubs in cluster mode as child processes (so one can be killed with SIGKILL), configured only through settings as an
/// operator would: Redis clustering, PostgreSQL storage, InfluxDB history, the external broker.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private static int _clusters;

    private readonly Dictionary<string, string> _settings;
    private readonly List<HubProcess?> _hubs = [];
    private readonly List<(string Data, int HttpPort)> _homes = [];

    private TestCluster(ClusterServers servers, Dictionary<string, string> settings)
    {
        Servers = servers;
        _settings = settings;
    }

    public ClusterServers Servers { get; }

    public IReadOnlyList<HubProcess?> Hubs => _hubs;

    public HubProcess Hub(int index) => _hubs[index] ?? throw new InvalidOperationException($"hub {index} is not running");

    /// <summary>Starts <paramref name="count"/> hubs and waits until each sees all of them active.</summary>
    public static async Task<TestCluster> StartAsync(ClusterServers servers, int count, IDictionary<string, string>? extra = null)
    {
        var n = Interlocked.Increment(ref _clusters);
        var id = $"c{Environment.ProcessId}x{n}";
        var settings = new Dictionary<string, string>
        {
            ["Orleans:Clustering"] = "redis",
            ["Orleans:ClusterId"] = id,
            ["ConnectionStrings:Redis"] = servers.Redis.ConnectionString,
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Postgres"] = await servers.Postgres.CreateDatabaseAsync(),
            ["History:Store"] = "influx",
            ["History:Influx:Url"] = servers.Influx.Url,
            ["History:Influx:Database"] = servers.Influx.NewDatabase(),
            ["History:RawRetentionDays"] = "36500",
            ["Mqtt:Mode"] = "external",
            ["Mqtt:Port"] = servers.Mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Username"] = servers.Mosquitto.AdminUsername,
            ["Mqtt:Password"] = servers.Mosquitto.AdminPassword!,
            ["Mqtt:SharedGroup"] = id,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var cluster = new TestCluster(servers, settings);
        for (var i = 0; i < count; i++)
        {
            cluster._homes.Add((TempFolder.Create($"hub{i}"), FreePort.Next()));
            cluster._hubs.Add(null);
        }

        await Task.WhenAll(Enumerable.Range(0, count).Select(cluster.StartHubAsync));
        await cluster.WaitUntilActiveAsync(count);
        return cluster;
    }

    /// <summary>Starts hub <paramref name="index"/> (again) with its own data folder, address and broker client id.</summary>
    public async Task StartHubAsync(int index)
    {
        var (data, httpPort) = _homes[index];
        var settings = new Dictionary<string, string>(_settings)
        {
            ["Mqtt:ClientId"] = ClientId(index),
        };
        _hubs[index] = await HubProcess.StartAsync(data, settings, httpPort);
    }

    /// <summary>Every running hub lists <paramref name="count"/> hubs as active.</summary>
    public async Task WaitUntilActiveAsync(int count)
    {
        foreach (var hub in _hubs.OfType<HubProcess>())
        {
            await Eventually.GetAsync(() => ActiveHubsAsync(hub), n => n == count, TimeSpan.FromSeconds(60), $"{count} active hubs");
        }
    }

    public static async Task<int> ActiveHubsAsync(HubProcess hub)
    {
        var status = await hub.Admin.GetFromJsonAsync<JsonObject>("/api/cluster");
        return status!["hubs"]!.AsArray().Count(h => h!["status"]!.GetValue<string>() == "Active");
    }

    /// <summary>
    /// Waits as <see cref="Eventually.GetAsync{T}"/> does; when it times out, the failure carries what every hub says of
    /// itself (cluster, ingest, its last log lines), since the hubs are separate processes a debugger does not see.
    /// </summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        try
        {
            return await Eventually.GetAsync(probe, done, timeout, what);
        }
        catch (TimeoutException e)
        {
            var report = new System.Text.StringBuilder(e.Message);
            foreach (var hub in _hubs.OfType<HubProcess>())
            {
                report.Append($"\n--- hub {hub.Url}\n");
                foreach (var path in new[] { "/api/cluster", "/api/ingest/stats", "/api/alarms?limit=5" })
                {
                    try
                    {
                        report.Append(await hub.Admin.GetStringAsync(path)).Append('\n');
                    }
                    catch (HttpRequestException failed)
                    {
                        report.Append($"{path}: {failed.Message}\n");
                    }
                }

                report.Append(string.Join('\n', hub.RecentOutput.Split('\n').TakeLast(60)));
            }

            throw new TimeoutException(report.ToString(), e);
        }
    }

    public void Kill(int index)
    {
        Hub(index).Kill();
        _hubs[index] = null;
    }

    public async Task StopAsync(int index)
    {
        await Hub(index).StopAsync();
        _hubs[index] = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs.OfType<HubProcess>())
        {
            await hub.DisposeAsync();
        }

        // As an operator removing hubs for good does (docs/operations.md): a hub's session at the broker outlives the
        // hub and keeps taking its share of every device's messages, so the next cluster on this broker would lose it.
        for (var i = 0; i < _hubs.Count; i++)
        {
            await ClearBrokerSessionAsync(ClientId(i));
        }
    }

    private string ClientId(int index) => $"{_settings["Orleans:ClusterId"]}-hub{index}";

    /// <summary>Connecting with the same client id and a clean start ends the stored session, subscriptions and queue.</summary>
    private async Task ClearBrokerSessionAsync(string clientId)
    {
        using var client = new MQTTnet.MqttClientFactory().CreateMqttClient();
        var options = new MQTTnet.MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Servers.Mosquitto.Port)
            .WithClientId(clientId)
            .WithCredentials(Servers.Mosquitto.AdminUsername, Servers.Mosquitto.AdminPassword)
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0)
            .Build();
        await client.ConnectAsync(options);
        await client.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions());
    }
}
