using IotService.Integration.Tests.Infrastructure;
using MQTTnet.Formatter;

namespace IotService.Integration.Tests.Ingest;

/// <summary>Cluster-mode ingest: the hub subscribes to a real Mosquitto with a shared subscription.</summary>
public sealed class ExternalBrokerTests : IAsyncLifetime
{
    private MosquittoServer _mosquitto = null!;
    private HubHost _hub = null!;

    public async Task InitializeAsync()
    {
        _mosquitto = await MosquittoServer.StartAsync();
        _hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Mqtt:Mode"] = "external",
            ["Mqtt:Port"] = _mosquitto.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // An anonymous broker without the dynamic-security plugin: accounts are not the hub's to keep here.
            ["Mqtt:DeviceAccounts"] = "none",
        });
        await _hub.CreateChillerModelAsync();
        await _hub.WaitUntilSubscribedAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _mosquitto.DisposeAsync();
    }

    [Fact]
    public async Task ReadingPublishedToMosquittoReachesTheDevice()
    {
        await _hub.RegisterDeviceAsync("ext-1");
        await using var device = await MqttDevice.ConnectAsync(_mosquitto.Port, "ext-1", secret: null, MqttProtocolVersion.V311);

        await device.PublishAsync("""{"values":{"temperature":12.5}}""");

        await _hub.WaitForValueAsync("ext-1", "temperature", 12.5);
    }

    [Fact]
    public async Task UnknownDeviceIsRejectedAndCounted()
    {
        await _hub.RegisterDeviceAsync("ext-known");
        await using var device = await MqttDevice.ConnectAsync(_mosquitto.Port, "ext-unknown", secret: null);

        await device.PublishAsync("""{"values":{"temperature":1}}""", topic: "devices/ext-unknown/telemetry");
        await device.PublishAsync("""{"values":{"temperature":2}}""", topic: "devices/ext-known/telemetry");

        await _hub.WaitForValueAsync("ext-known", "temperature", 2);
        Assert.Equal(1, await _hub.RejectedAsync("unknown_device"));
    }

    [Fact]
    public async Task HubReconnectsAndSubscribesAgainAfterTheBrokerRestarts()
    {
        await _hub.RegisterDeviceAsync("ext-2");

        var sessions = _hub.Get<IotService.Ingest.Mqtt.BrokerState>().Sessions;
        await _mosquitto.RestartAsync();
        await _hub.WaitUntilSubscribedAsync(sessions);
        await using var device = await MqttDevice.ConnectAsync(_mosquitto.Port, "ext-2", secret: null);
        await device.PublishAsync("""{"values":{"temperature":64}}""");

        await _hub.WaitForValueAsync("ext-2", "temperature", 64);
    }
}
