using System.Net.Http.Headers;
using IotService.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>
/// A real hub started in-process: real Kestrel, real MQTT listener and a real Orleans silo on
/// free loopback ports, state in a temporary folder. Restart by starting another host on the same folder.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";

    private readonly WebApplication _app;

    private HubHost(WebApplication app, string dataPath, int httpPort, int mqttPort)
    {
        _app = app;
        DataPath = dataPath;
        HttpPort = httpPort;
        MqttPort = mqttPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Admin = new HttpClient { BaseAddress = Http.BaseAddress };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public string DataPath { get; }

    public int HttpPort { get; }

    public int MqttPort { get; }

    /// <summary>No credentials.</summary>
    public HttpClient Http { get; }

    /// <summary>Authenticated with the bootstrap admin token.</summary>
    public HttpClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HubHost> StartAsync(string? dataPath = null, IDictionary<string, string>? settings = null)
    {
        dataPath ??= TempFolder.Create("hub");
        var httpPort = FreePort.Next();
        var mqttPort = FreePort.Next();
        var all = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Mqtt:Port"] = mqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Path"] = dataPath,
            ["Storage:StateFlushSeconds"] = "0.2",
            ["Auth:BootstrapAdminToken"] = AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var app = HubApplication.Build(all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await app.StartAsync();
        return new HubHost(app, dataPath, httpPort, mqttPort);
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>External mode: waits until the hub has subscribed to its broker more often than <paramref name="sessionsBefore"/> times.</summary>
    public Task WaitUntilSubscribedAsync(int sessionsBefore = 0)
    {
        var state = Get<IotService.Ingest.Mqtt.BrokerState>();
        return Eventually.GetAsync(() => Task.FromResult(state.Sessions), n => n > sessionsBefore, TimeSpan.FromSeconds(30), "hub subscribed to its broker");
    }

    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Admin.Dispose();
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by a restart test.
        }
    }
}
