using IotService.Integration.Tests.Infrastructure;
using MQTTnet;

namespace IotService.Integration.Tests.Security;

/// <summary>With <c>Mqtt:AllowAnonymous=true</c> an anonymous client still cannot take a device's session.</summary>
public sealed class AnonymousClientIdTests : IAsyncLifetime
{
    private HubHost _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Mqtt:AllowAnonymous"] = "true" });
        await _hub.CreateChillerModelAsync();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task AnAnonymousClientWithADevicesClientIdIsRefusedAndTheDeviceKeepsPublishing()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await _hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(_hub.MqttPort, id, secret, clientId: id);

        var exact = await MqttDevice.TryConnectAsync(_hub.MqttPort, id, secret: null, clientId: id);
        var scoped = await MqttDevice.TryConnectAsync(_hub.MqttPort, id, secret: null, clientId: id + "/x");

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, exact);
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, scoped);
        Assert.True(device.Client.IsConnected);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync("""{"values":{"temperature":4.5}}""")).ReasonCode);
        await _hub.WaitForValueAsync(id, "temperature", 4.5);
    }

    [Fact]
    public async Task AnAnonymousClientConnectsUnderTheAnonymousPrefixOrWithAnEmptyId()
    {
        using var empty = new MqttClientFactory().CreateMqttClient();
        var assigned = await empty.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _hub.MqttPort).WithClientId("").Build());
        var prefixed = await MqttDevice.TryConnectAsync(_hub.MqttPort, "tool", secret: null, clientId: "$anonymous/tool");

        Assert.StartsWith("$anonymous/", assigned.AssignedClientIdentifier, StringComparison.Ordinal);
        Assert.Equal(MqttClientConnectResultCode.Success, prefixed);
        await empty.DisconnectAsync();
    }
}
