using IotService.Integration.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Integration.Tests.Ingest;

[Collection(HubCollection.Name)]
public sealed class MqttIngestTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task PublishedReadingAppearsInTheDeviceState()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);

        var ack = await device.PublishAsync("""{"ts":"2026-11-23T10:00:00.000Z","values":{"temperature":71.3,"rpm":1200,"door":true},"location":{"lat":31.5,"lon":121.1}}""".Replace("2026-11-23T10:00:00.000Z", DateTimeOffset.UtcNow.ToString("O"), StringComparison.Ordinal));

        Assert.Equal(MqttClientPublishReasonCode.Success, ack.ReasonCode);
        var state = await Hub.WaitForValueAsync(id, "temperature", 71.3);
        Assert.Equal(1200, state.Value("rpm"));
        Assert.Equal(1, state.Value("door"));
        Assert.Equal("online", state!["status"]!.GetValue<string>());
        Assert.Equal(31.5, state["location"]!["lat"]!.GetValue<double>());
    }

    [Fact]
    public async Task ArrayOfReadingsKeepsTheNewestValuePerProperty()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret, MqttProtocolVersion.V311);
        var now = DateTimeOffset.UtcNow;

        // Newest first on purpose: order in the array must not matter, the timestamps do.
        await device.PublishAsync($$$"""[{"ts":"{{{now:O}}}","values":{"rpm":3000}},{"ts":"{{{now.AddSeconds(-30):O}}}","values":{"rpm":1000,"temperature":20}}]""");

        var state = await Hub.WaitForValueAsync(id, "temperature", 20);
        Assert.Equal(3000, state.Value("rpm"));
    }

    [Fact]
    public async Task QosZeroReadingIsAccepted()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);

        await device.PublishAsync("""{"values":{"temperature":5.5}}""", qos: MqttQualityOfServiceLevel.AtMostOnce);

        await Hub.WaitForValueAsync(id, "temperature", 5.5);
    }

    [Fact]
    public async Task WrongSecretIsRefused()
    {
        var id = HubFixture.NewDeviceId();
        await Hub.RegisterDeviceAsync(id);

        var result = await MqttDevice.TryConnectAsync(Hub.MqttPort, id, "not-the-secret");

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
    }

    [Fact]
    public async Task UnregisteredDeviceIsRefused()
    {
        var result = await MqttDevice.TryConnectAsync(Hub.MqttPort, "never-registered", "whatever");

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
    }

    [Fact]
    public async Task AnonymousConnectionIsRefused()
    {
        var result = await MqttDevice.TryConnectAsync(Hub.MqttPort, "anonymous", secret: null);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
    }

    [Fact]
    public async Task PublishingUnderAnotherDevicesTopicIsRefusedAndCounted()
    {
        var mine = HubFixture.NewDeviceId();
        var other = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(mine);
        await Hub.RegisterDeviceAsync(other);
        var before = await Hub.RejectedAsync("not_authorized");
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, mine, secret);

        var ack = await device.PublishAsync("""{"values":{"temperature":99}}""", topic: $"devices/{other}/telemetry");
        await device.PublishAsync("""{"values":{"temperature":1}}""");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
        await Hub.WaitForValueAsync(mine, "temperature", 1);
        Assert.Equal(before + 1, await Hub.RejectedAsync("not_authorized"));
        Assert.Null((await Hub.GetDeviceAsync(other)).Value("temperature"));
    }

    [Fact]
    public async Task StatusMessagesDriveTheOnlineStatus()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);

        await device.PublishAsync("online", topic: $"devices/{id}/status");
        await Eventually.GetAsync(() => Hub.GetDeviceAsync(id), d => d?["status"]?.GetValue<string>() == "online", what: "online");
        await device.PublishAsync("offline", topic: $"devices/{id}/status");
        await Eventually.GetAsync(() => Hub.GetDeviceAsync(id), d => d?["status"]?.GetValue<string>() == "offline", what: "offline");
    }
}
