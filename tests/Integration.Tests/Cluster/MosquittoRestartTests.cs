using IotService.Integration.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Integration.Tests.Cluster;

/// <summary>
/// What docs/operations.md and docs/ingest.md say of a broker restart rests on this behaviour of the Mosquitto we
/// run (2.0): it saves a durable session's queued messages but not its shared subscriptions, so until the subscriber
/// subscribes again a device's reading reaches nobody and is answered "no matching subscribers". Should a newer
/// Mosquitto keep shared subscriptions (2.1 does), this test fails and the documents change with it.
/// </summary>
public sealed class MosquittoRestartTests : IAsyncLifetime
{
    private const string Filter = "$share/restart/devices/+/telemetry";

    private MosquittoServer _mosquitto = null!;

    public async Task InitializeAsync() => _mosquitto = await MosquittoServer.StartAsync(persistent: true);

    public async Task DisposeAsync() => await _mosquitto.DisposeAsync();

    [Fact]
    public async Task AfterARestartTheBrokerKeepsTheQueuedMessagesButAnswersNoMatchingSubscribersUntilTheHubSubscribesAgain()
    {
        var received = new List<string>();
        using var hub = new MqttClientFactory().CreateMqttClient();
        hub.ApplicationMessageReceivedAsync += e =>
        {
            lock (received)
            {
                received.Add(e.ApplicationMessage.ConvertPayloadToString());
            }

            return Task.CompletedTask;
        };
        await ConnectHubAsync(hub);
        await hub.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await hub.DisconnectAsync();

        // The hub is away: its durable session queues the reading.
        Assert.Equal(MqttClientPublishReasonCode.Success, await PublishAsync("queued"));

        await _mosquitto.StopGracefullyAsync();
        await _mosquitto.RestartAsync();
        Assert.Equal(MqttClientPublishReasonCode.NoMatchingSubscribers, await PublishAsync("dropped"));

        // Back with its session: the queued reading arrives; subscribed again, new readings are delivered.
        var result = await ConnectHubAsync(hub);
        Assert.True(result.IsSessionPresent);
        await hub.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientPublishReasonCode.Success, await PublishAsync("delivered"));
        await Eventually.GetAsync(() => Task.FromResult(Snapshot(received)), r => r.Contains("delivered"), what: "the reading after the new subscription");

        Assert.Equal(["queued", "delivered"], Snapshot(received));
    }

    private static List<string> Snapshot(List<string> received)
    {
        lock (received)
        {
            return [.. received];
        }
    }

    private Task<MqttClientConnectResult> ConnectHubAsync(IMqttClient hub)
        => hub.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _mosquitto.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("restart-hub")
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .Build());

    private async Task<MqttClientPublishReasonCode> PublishAsync(string payload)
    {
        await using var device = await MqttDevice.ConnectAsync(_mosquitto.Port, "restart-device", secret: null);
        return (await device.PublishAsync(payload)).ReasonCode;
    }
}
