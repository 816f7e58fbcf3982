using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.Directory;
using IotService.Integration.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Integration.Tests.Ingest;

/// <summary>
/// Cluster mode against a real Mosquitto with its dynamic-security plugin and no anonymous access: the hub creates each
/// device's account when the device is registered, and the broker enforces what the embedded broker would.
/// </summary>
public sealed class BrokerAccountTests : IAsyncLifetime
{
    private MosquittoServer _mosquitto = null!;
    private HubHost _hub = null!;

    public async Task InitializeAsync()
    {
        _mosquitto = await MosquittoServer.StartWithDynamicSecurityAsync();
        _hub = await StartHubAsync();
        await _hub.CreateChillerModelAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _mosquitto.DisposeAsync();
    }

    [Fact]
    public async Task DeviceRegisteredThroughTheApiConnectsToMosquittoWithItsSecretAndItsReadingReachesTheHub()
    {
        var (secret, _) = await _hub.RegisterDeviceAsync("acc-1");
        await using var device = await MqttDevice.ConnectAsync(_mosquitto.Port, "acc-1", secret, clientId: "acc-1");

        var published = await device.PublishAsync("""{"values":{"temperature":21.5}}""");

        Assert.True(published.IsSuccess, published.ReasonCode.ToString());
        await _hub.WaitForValueAsync("acc-1", "temperature", 21.5);
    }

    [Fact]
    public async Task MosquittoRefusesADeviceWithAWrongSecret()
    {
        var (secret, _) = await _hub.RegisterDeviceAsync("acc-2");

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await MqttDevice.TryConnectAsync(_mosquitto.Port, "acc-2", secret + "x", clientId: "acc-2"));
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await MqttDevice.TryConnectAsync(_mosquitto.Port, "acc-2", secret: null, clientId: "acc-2"));
        Assert.Equal(MqttClientConnectResultCode.Success, await MqttDevice.TryConnectAsync(_mosquitto.Port, "acc-2", secret, clientId: "acc-2"));
    }

    [Fact]
    public async Task DeviceConnectsOnlyWithItsOwnIdAsClientIdSoItCannotTakeOverAnotherDevicesSession()
    {
        var (secret, _) = await _hub.RegisterDeviceAsync("acc-3");
        await _hub.RegisterDeviceAsync("acc-4");

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await MqttDevice.TryConnectAsync(_mosquitto.Port, "acc-3", secret, clientId: "acc-4"));
    }

    [Fact]
    public async Task DeviceCannotPublishUnderAnotherDevicesTopicWhileItsOwnPublishStillArrives()
    {
        var (victimSecret, _) = await _hub.RegisterDeviceAsync("acc-victim");
        var (secret, _) = await _hub.RegisterDeviceAsync("acc-5");
        await using (var victim = await MqttDevice.ConnectAsync(_mosquitto.Port, "acc-victim", victimSecret, clientId: "acc-victim"))
        {
            await victim.PublishAsync("""{"values":{"temperature":10}}""");
        }

        await _hub.WaitForValueAsync("acc-victim", "temperature", 10);
        var stats = _hub.Get<IngestStats>();
        var acceptedBefore = stats.AcceptedReadings;
        await using var device = await MqttDevice.ConnectAsync(_mosquitto.Port, "acc-5", secret, clientId: "acc-5");

        var forged = await device.PublishAsync("""{"values":{"temperature":99}}""", topic: "devices/acc-victim/telemetry");
        await device.PublishAsync("""{"values":{"temperature":5}}""");

        // The hub takes the broker's messages in order on one subscription: once the second is in, the first was dealt with.
        await _hub.WaitForValueAsync("acc-5", "temperature", 5);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal(acceptedBefore + 1, stats.AcceptedReadings);
        Assert.Equal(10.0, (await _hub.GetDeviceAsync("acc-victim")).Value("temperature"));
    }

    [Fact]
    public async Task DeviceCannotSubscribeToTheHubsSharedSubscriptionsNorUseTheControlApi()
    {
        var (secret, _) = await _hub.RegisterDeviceAsync("acc-6");
        await using var device = await MqttDevice.ConnectAsync(_mosquitto.Port, "acc-6", secret, clientId: "acc-6");

        string[] forbidden = ["$share/iot/devices/+/telemetry", "$share/other/devices/+/status", "$CONTROL/#", "$CONTROL/dynamic-security/v1/response", "devices/acc-7/#", "#"];
        var subscribed = await device.Client.SubscribeAsync(
            forbidden.Append("devices/acc-6/#").Aggregate(new MqttClientSubscribeOptionsBuilder(), (b, t) => b.WithTopicFilter(t, MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        var command = await device.PublishAsync("""{"commands":[{"command":"listClients"}]}""", topic: "$CONTROL/dynamic-security/v1");

        Assert.All(subscribed.Items.Take(forbidden.Length), i => Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, i.ResultCode));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, subscribed.Items.Last().ResultCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, command.ReasonCode);
    }

    [Fact]
    public async Task RegisteringAnIdAgainIsAConflictThatLeavesTheDevicesAccountAsItWas()
    {
        var (secret, _) = await _hub.RegisterDeviceAsync("acc-8");

        var again = await _hub.Admin.PostAsJsonAsync("/api/devices", new { id = "acc-8", modelId = "chiller-x" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(MqttClientConnectResultCode.Success, await MqttDevice.TryConnectAsync(_mosquitto.Port, "acc-8", secret, clientId: "acc-8"));
    }

    [Fact]
    public async Task RegistrationWhileTheBrokerIsDownFailsWith503NamingTheBrokerAndLeavesNoDevice()
    {
        _mosquitto.Stop();

        var response = await _hub.Admin.PostAsJsonAsync("/api/devices", new { id = "acc-down", modelId = "chiller-x" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains($"127.0.0.1:{_mosquitto.Port}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await _hub.GetDeviceAsync("acc-down"));
        Assert.False(_hub.Get<DeviceDirectory>().TryGetDevice("acc-down", out _));
    }

    [Fact]
    public async Task DeviceRegisteredWithoutABrokerAccountGetsNoneFromRegisteringAgain()
    {
        // A hub that left accounts to the operator registers the device (as an embedded hub would); then the hub that keeps them.
        var data = _hub.DataPath;
        await _hub.StopAsync();
        await using var withoutAccounts = await StartHubAsync(data, deviceAccounts: "none");
        await withoutAccounts.RegisterDeviceAsync("acc-9");
        await withoutAccounts.StopAsync();
        _hub = await StartHubAsync(data);

        var again = await _hub.Admin.PostAsJsonAsync("/api/devices", new { id = "acc-9", modelId = "chiller-x" });

        // The account created for the attempt went again when the device grain refused it.
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var (_, output) = await Tools.RunAsync(
            "mosquitto_ctrl", "-h", "127.0.0.1", "-p", _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            "-u", _mosquitto.AdminUsername, "-P", _mosquitto.AdminPassword!, "dynsec", "getClient", "acc-9");
        Assert.Contains("Client not found", output, StringComparison.Ordinal);
    }

    private async Task<HubHost> StartHubAsync(string? dataPath = null, string deviceAccounts = "dynsec")
    {
        var hub = await HubHost.StartAsync(dataPath, new Dictionary<string, string>
        {
            ["Mqtt:Mode"] = "external",
            ["Mqtt:Port"] = _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Username"] = _mosquitto.AdminUsername,
            ["Mqtt:Password"] = _mosquitto.AdminPassword!,
            ["Mqtt:DeviceAccounts"] = deviceAccounts,
        });
        await hub.WaitUntilSubscribedAsync();
        return hub;
    }
}
