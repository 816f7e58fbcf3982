using IotService.Integration.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;

namespace IotService.Integration.Tests.Security;

/// <summary>Issue 14 row 2: a client id is bound to its device, so no device can take another's session.</summary>
[Collection(HubCollection.Name)]
public sealed class ClientIdTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task ADeviceUsingAnotherDevicesClientIdIsRefusedAndTheOtherKeepsPublishing(MqttProtocolVersion version)
    {
        var a = HubFixture.NewDeviceId("a");
        var b = HubFixture.NewDeviceId("b");
        var (secretA, _) = await Hub.RegisterDeviceAsync(a);
        var (secretB, _) = await Hub.RegisterDeviceAsync(b);
        var before = await Hub.RefusedAsync("client_id_not_valid");
        await using var deviceA = await MqttDevice.ConnectAsync(Hub.MqttPort, a, secretA, version, clientId: a);

        var exact = await MqttDevice.TryConnectAsync(Hub.MqttPort, b, secretB, clientId: a, version: version);
        var scoped = await MqttDevice.TryConnectAsync(Hub.MqttPort, b, secretB, clientId: a + "/b", version: version);

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, exact);
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, scoped);
        Assert.Equal(before + 2, await Hub.RefusedAsync("client_id_not_valid"));
        Assert.True(deviceA.Client.IsConnected);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await deviceA.PublishAsync("""{"values":{"temperature":21.5}}""")).ReasonCode);
        await Hub.WaitForValueAsync(a, "temperature", 21.5);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task TheDeviceIdItsSubIdsAndAnEmptyIdConnectSideBySide(MqttProtocolVersion version)
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);

        await using var own = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret, version, clientId: id);
        await using var sub = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret, version, clientId: id + "/line-2");
        await using var empty = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret, version, clientId: "");

        foreach (var (device, value) in new[] { (own, 1.5), (sub, 2.5), (empty, 3.5) })
        {
            Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync($$$"""{"values":{"rpm":{{{value}}}}}""")).ReasonCode);
            await Hub.WaitForValueAsync(id, "rpm", value);
        }

        Assert.True(own.Client.IsConnected && sub.Client.IsConnected && empty.Client.IsConnected);
    }

    [Fact]
    public async Task AnIdAssignedToAnEmptyOneStartsWithTheDeviceId()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Hub.MqttPort).WithClientId("").WithCredentials(id, secret).Build());

        Assert.StartsWith(id + "/", result.AssignedClientIdentifier, StringComparison.Ordinal);
        await client.DisconnectAsync();
    }

    [Fact]
    public async Task MosquittoPubWithAnotherDevicesClientIdIsRefused()
    {
        var a = HubFixture.NewDeviceId("a");
        var b = HubFixture.NewDeviceId("b");
        await Hub.RegisterDeviceAsync(a);
        var (secretB, _) = await Hub.RegisterDeviceAsync(b);

        var (exit, output) = await Tools.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", Hub.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-i", a, "-u", b, "-P", secretB, "-q", "1", "-t", $"devices/{b}/telemetry", "-m", """{"values":{"temperature":1}}""");

        Assert.NotEqual(0, exit);
        Assert.Contains("identifier rejected", output, StringComparison.OrdinalIgnoreCase);
    }
}
