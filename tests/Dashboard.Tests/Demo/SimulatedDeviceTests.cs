using System.Text.Json;
using IotService.Dashboard.Demo;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Dashboard.Tests.Demo;

/// <summary>One simulated device against a real MQTTnet broker on loopback that checks demo secrets.</summary>
public sealed class SimulatedDeviceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DemoSecrets _secrets = new(Enumerable.Repeat((byte)7, 32).ToArray());
    private readonly DemoStats _stats = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private TestBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync(_secrets);

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Theory]
    [InlineData(MqttQualityOfServiceLevel.AtLeastOnce, MqttProtocolVersion.V500)]
    [InlineData(MqttQualityOfServiceLevel.AtMostOnce, MqttProtocolVersion.V311)]
    public async Task ConnectsWithItsDerivedSecretSaysOnlinePublishesTelemetryAndSaysOfflineWhenClosed(MqttQualityOfServiceLevel qos, MqttProtocolVersion version)
    {
        using var device = NewDevice("dev-00001", DemoModels.CleaningRobot, _secrets, qos, version, out _);
        var now = _time.GetUtcNow();

        Assert.True(device.TryBeginConnect(now));
        await device.ConnectAsync(CancellationToken.None);
        Assert.Equal(new ReceivedMessage("dev-00001", "devices/dev-00001/status", "online", MqttQualityOfServiceLevel.AtLeastOnce), await _broker.NextAsync());
        Assert.Equal(version, _broker.ProtocolVersions["dev-00001"]);

        Assert.True(device.TryBeginPublish(now.AddSeconds(6)));
        Assert.False(device.TryBeginPublish(now.AddSeconds(6)));
        await device.PublishTelemetryAsync(now, CancellationToken.None);
        var telemetry = await _broker.NextAsync();
        Assert.Equal(("dev-00001", "devices/dev-00001/telemetry", qos), (telemetry.ClientId, telemetry.Topic, telemetry.Qos));
        using var json = JsonDocument.Parse(telemetry.Payload);
        Assert.Equal(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), json.RootElement.GetProperty("ts").GetString());
        Assert.Equal(DemoModels.CleaningRobot.Properties.Select(p => p.Name), json.RootElement.GetProperty("values").EnumerateObject().Select(p => p.Name));
        Assert.True(json.RootElement.TryGetProperty("location", out _));

        await device.CloseAsync(CancellationToken.None);
        Assert.Equal(new ReceivedMessage("dev-00001", "devices/dev-00001/status", "offline", MqttQualityOfServiceLevel.AtLeastOnce), await _broker.NextAsync());
        Assert.Equal(new DemoStatsSnapshot(0, 0, 1, 0, 3, 0, 0, 0, null), _stats.Snapshot());
    }

    [Fact]
    public async Task ARefusedSecretIsCountedAndRetriedOnlyAfterABackOff()
    {
        var wrongKey = new DemoSecrets(Enumerable.Repeat((byte)8, 32).ToArray());
        using var device = NewDevice("dev-00002", DemoModels.Chiller, wrongKey, MqttQualityOfServiceLevel.AtLeastOnce, MqttProtocolVersion.V500, out _);
        var now = _time.GetUtcNow();

        Assert.True(device.TryBeginConnect(now));
        await device.ConnectAsync(CancellationToken.None);

        var stats = _stats.Snapshot();
        Assert.Equal((0, 0L, 1L), (stats.Connected, stats.Connects, stats.ConnectFailures));
        Assert.Equal("dev-00002: refused: BadUserNameOrPassword", stats.LastError);
        // The first retry waits one second, scaled by a jitter of 0.5 to 1.5.
        Assert.False(device.TryBeginConnect(now.AddSeconds(0.49)));
        Assert.True(device.TryBeginConnect(now.AddSeconds(1.5)));
    }

    [Fact]
    public async Task ADroppedConnectionLeavesTheWillMessageAndIsReconnectedAfterABackOff()
    {
        using var device = NewDevice("dev-00003", DemoModels.AirConditioner, _secrets, MqttQualityOfServiceLevel.AtLeastOnce, MqttProtocolVersion.V500, out var client);
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(device.TryBeginConnect(_time.GetUtcNow()));
        await device.ConnectAsync(CancellationToken.None);
        Assert.Equal("online", (await _broker.NextAsync()).Payload);

        // Registered after the device's own handler, so it runs once the device has seen the drop.
        client.DisconnectedAsync += _ =>
        {
            noticed.TrySetResult();
            return Task.CompletedTask;
        };
        await _broker.DisconnectAsync("dev-00003");
        Assert.Equal(new ReceivedMessage("dev-00003", "devices/dev-00003/status", "offline", MqttQualityOfServiceLevel.AtLeastOnce), await _broker.NextAsync());
        await noticed.Task.WaitAsync(Patience);

        var now = _time.GetUtcNow();
        Assert.Equal(0, _stats.Snapshot().Connected);
        Assert.False(device.TryBeginPublish(now.AddMinutes(1)));
        Assert.False(device.TryBeginConnect(now.AddSeconds(0.49)));
        Assert.True(device.TryBeginConnect(now.AddSeconds(1.5)));
        await device.ConnectAsync(CancellationToken.None);
        Assert.Equal("online", (await _broker.NextAsync()).Payload);
        Assert.Equal((1, 2L), (_stats.Snapshot().Connected, _stats.Snapshot().Connects));
        await device.CloseAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AReadingAnsweredNoMatchingSubscribersIsSentAgainAndCountedOnce()
    {
        using var device = NewDevice("dev-00004", DemoModels.Chiller, _secrets, MqttQualityOfServiceLevel.AtLeastOnce, MqttProtocolVersion.V500, out _);
        var now = _time.GetUtcNow();
        Assert.True(device.TryBeginConnect(now));
        await device.ConnectAsync(CancellationToken.None);
        Assert.Equal("online", (await _broker.NextAsync()).Payload);

        _broker.AnswerNoSubscribers(1);
        Assert.True(device.TryBeginPublish(now.AddSeconds(6)));
        await device.PublishTelemetryAsync(now, CancellationToken.None);

        var first = await _broker.NextAsync();
        var again = await _broker.NextAsync();
        Assert.Equal("devices/dev-00004/telemetry", first.Topic);
        Assert.Equal(first, again);
        Assert.Equal((2L, 0L), (_stats.Snapshot().Published, _stats.Snapshot().Rejected));
        await device.CloseAsync(CancellationToken.None);
    }

    private SimulatedDevice NewDevice(
        string id, DemoModel model, DemoSecrets secrets, MqttQualityOfServiceLevel qos, MqttProtocolVersion version, out IMqttClient client)
    {
        var context = new SimulationContext(_stats, new SignalGenerator(0.02), TimeSpan.FromSeconds(5), _time, NullLogger.Instance, "demo.key");
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _broker.Port)
            .WithProtocolVersion(version)
            .WithClientId(id)
            .WithCredentials(id, secrets.SecretFor(id))
            .WithWillTopic($"devices/{id}/status")
            .WithWillPayload("offline")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var location = DemoCities.Get("Shanghai").Centre;
        client = new MqttClientFactory().CreateMqttClient();
        return new SimulatedDevice(new DemoDevice(id, id, model.Id, "cust-1", "Shanghai", location, TimeSpan.FromHours(8), 11), model, client, options, qos, context);
    }
}
