using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Mqtt;
using MQTTnet;

namespace IotService.Integration.Tests.Security;

/// <summary>Issue 14 row 1: a connection must authenticate within <c>Mqtt:ConnectTimeoutSeconds</c> (1 s here).</summary>
public sealed class MqttConnectTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(15);

    private HubHost _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Mqtt:ConnectTimeoutSeconds"] = "1" });
        await _hub.CreateChillerModelAsync();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task ASilentSocketIsClosedAfterTheConnectTimeout()
    {
        var before = await _hub.RefusedAsync("connect_timeout");
        using var raw = await RawConnection.OpenAsync(_hub.MqttPort);

        Assert.True(await raw.ClosedByServerWithinAsync(CloseWait), "the silent socket is still open");
        Assert.Equal(before + 1, await _hub.RefusedAsync("connect_timeout"));
    }

    [Fact]
    public async Task HalfAConnectIsClosedAfterTheConnectTimeout()
    {
        var before = await _hub.RefusedAsync("connect_timeout");
        using var raw = await RawConnection.OpenAsync(_hub.MqttPort);

        await raw.SendAsync([.. MqttWire.ConnectHeader(100), .. new byte[10]]);

        Assert.True(await raw.ClosedByServerWithinAsync(CloseWait), "the half-sent CONNECT is still open");
        Assert.Equal(before + 1, await _hub.RefusedAsync("connect_timeout"));
    }

    [Fact]
    public async Task ADeviceThatAuthenticatedStaysConnectedBeyondTheTimeout()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await _hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(_hub.MqttPort, id, secret);

        // A socket opened after the device connected is closed a full timeout later: by then the device's has passed too.
        using (var raw = await RawConnection.OpenAsync(_hub.MqttPort))
        {
            Assert.True(await raw.ClosedByServerWithinAsync(CloseWait));
        }

        Assert.True(device.Client.IsConnected);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync("""{"values":{"temperature":8.5}}""")).ReasonCode);
    }
}
