using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Ingest;

/// <summary>Clients nobody here wrote: Mosquitto's command-line tools against the embedded broker.</summary>
[Collection(HubCollection.Name)]
public sealed class StockClientTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task MosquittoPubWithoutClientIdPublishesAReading()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);

        // No -i: mosquitto_pub then sends an empty client id over MQTT 3.1.1, which the hub must accept.
        var (exit, output) = await Tools.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", Hub.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-u", id, "-P", secret, "-q", "1", "-t", $"devices/{id}/telemetry", "-m", """{"values":{"temperature":33.3,"rpm":900}}""");

        Assert.True(exit == 0, output);
        var state = await Hub.WaitForValueAsync(id, "temperature", 33.3);
        Assert.Equal(900, state.Value("rpm"));
    }

    [Fact]
    public async Task MosquittoPubWithAWrongPasswordIsRefused()
    {
        var id = HubFixture.NewDeviceId();
        await Hub.RegisterDeviceAsync(id);

        var (exit, output) = await Tools.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", Hub.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-u", id, "-P", "wrong", "-q", "1", "-t", $"devices/{id}/telemetry", "-m", """{"values":{"temperature":1}}""");

        Assert.NotEqual(0, exit);
        Assert.Contains("bad user name or password", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WillMessageOfAClientThatDiesMarksTheDeviceOffline()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        var port = Hub.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Tools.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-u", id, "-P", secret, "-q", "1", "-t", $"devices/{id}/status", "-m", "online");
        await Eventually.GetAsync(() => Hub.GetDeviceAsync(id), d => d?["status"]?.GetValue<string>() == "online", what: "online");

        var broker = Hub.Get<IotService.Ingest.Mqtt.BrokerState>();
        var connectionsBefore = broker.Connections;
        using var subscriber = Tools.Start("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-u", id, "-P", secret,
            "-t", $"devices/{id}/commands", "--will-topic", $"devices/{id}/status", "--will-payload", "offline", "--will-qos", "1", "-v");
        await Eventually.GetAsync(() => Task.FromResult(broker.Connections), n => n > connectionsBefore, what: "subscriber connected");
        subscriber.Kill(); // SIGKILL: no DISCONNECT, so the broker publishes the will

        await Eventually.GetAsync(() => Hub.GetDeviceAsync(id), d => d?["status"]?.GetValue<string>() == "offline", what: "offline after will");
    }
}
