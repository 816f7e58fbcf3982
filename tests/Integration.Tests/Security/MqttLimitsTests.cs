using IotService.Ingest.Mqtt.Limits;
using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Mqtt;
using MQTTnet;

namespace IotService.Integration.Tests.Security;

/// <summary>Issue 14 row 1: packet sizes and connection caps before and after authentication, on a hub with small caps.</summary>
public sealed class MqttLimitsTests : IAsyncLifetime
{
    private const int UnauthenticatedCap = 4;
    private const int PerAddressCap = 6;
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(10);

    private HubHost _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Mqtt:MaxUnauthenticatedPerAddress"] = UnauthenticatedCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:MaxConnectionsPerAddress"] = PerAddressCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:ConnectTimeoutSeconds"] = "120",
        });
        await _hub.CreateChillerModelAsync();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task AConnectDeclaring256MegabytesIsCutRightAfterItsHeader()
    {
        await NoConnectionsLeftAsync();
        var before = await _hub.RefusedAsync("packet_too_large");
        using var raw = await RawConnection.OpenAsync(_hub.MqttPort);

        await raw.SendAsync(MqttWire.ConnectHeader((256 * 1024 * 1024) - 1));

        Assert.True(await raw.ClosedByServerWithinAsync(CloseWait), "the hub kept the connection open");
        Assert.Equal(before + 1, await _hub.RefusedAsync("packet_too_large"));
    }

    [Fact]
    public async Task AFirstPacketThatIsNotAConnectIsCut()
    {
        await NoConnectionsLeftAsync();
        var before = await _hub.RefusedAsync("malformed_packet");
        using var raw = await RawConnection.OpenAsync(_hub.MqttPort);

        await raw.SendAsync([0x30, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x00]);

        Assert.True(await raw.ClosedByServerWithinAsync(CloseWait), "the hub kept the connection open");
        Assert.Equal(before + 1, await _hub.RefusedAsync("malformed_packet"));
    }

    [Fact]
    public async Task APublishBeyondThePayloadLimitAndHeadroomCutsTheConnectionWhileOneWithinTheHeadroomIsRejected()
    {
        await NoConnectionsLeftAsync();
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await _hub.RegisterDeviceAsync(id);
        var cutBefore = await _hub.RefusedAsync("packet_too_large");
        var rejectedBefore = await _hub.RejectedAsync("payload_too_large");
        await using var device = await MqttDevice.ConnectAsync(_hub.MqttPort, id, secret);

        // Default limits: 64 KiB payloads, 16 KiB headroom for topic and properties.
        var withinHeadroom = await device.PublishAsync("{\"values\":{\"temperature\":1},\"pad\":\"" + new string('x', 70_000) + "\"}");
        await Assert.ThrowsAnyAsync<MQTTnet.Exceptions.MqttCommunicationException>(
            () => device.PublishAsync("{\"values\":{\"temperature\":1},\"pad\":\"" + new string('x', 100_000) + "\"}"));

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, withinHeadroom.ReasonCode);
        Assert.Equal(rejectedBefore + 1, await _hub.RejectedAsync("payload_too_large"));
        Assert.Equal(cutBefore + 1, await _hub.RefusedAsync("packet_too_large"));
        await using var again = await MqttDevice.ConnectAsync(_hub.MqttPort, id, secret);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await again.PublishAsync("""{"values":{"temperature":12.5}}""")).ReasonCode);
        await _hub.WaitForValueAsync(id, "temperature", 12.5);
    }

    [Fact]
    public async Task TheNextUnauthenticatedConnectionFromAnAddressIsRefusedUntilOneOfThemCloses()
    {
        await NoConnectionsLeftAsync();
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await _hub.RegisterDeviceAsync(id);
        var before = await _hub.RefusedAsync("unauthenticated_per_address");
        var silent = new List<RawConnection>();
        for (var i = 0; i < UnauthenticatedCap; i++)
        {
            silent.Add(await RawConnection.OpenAsync(_hub.MqttPort));
        }

        await Eventually.GetAsync(() => Task.FromResult(Limiter.Open), n => n == UnauthenticatedCap, what: "the silent sockets admitted");
        using (var extra = await RawConnection.OpenAsync(_hub.MqttPort))
        {
            Assert.True(await extra.ClosedByServerWithinAsync(CloseWait), "the hub admitted one unauthenticated connection too many");
        }

        await Assert.ThrowsAnyAsync<MQTTnet.Exceptions.MqttCommunicationException>(() => MqttDevice.ConnectAsync(_hub.MqttPort, id, secret));
        Assert.Equal(before + 2, await _hub.RefusedAsync("unauthenticated_per_address"));

        silent[0].Dispose();
        await Eventually.GetAsync(() => Task.FromResult(Limiter.Open), n => n == UnauthenticatedCap - 1, what: "the closed socket released");
        await using var device = await MqttDevice.ConnectAsync(_hub.MqttPort, id, secret);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync("""{"values":{"temperature":3.5}}""")).ReasonCode);
        silent.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task ConnectionsBeyondThePerAddressCapAreRefusedEvenWhenAuthenticated()
    {
        await NoConnectionsLeftAsync();
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await _hub.RegisterDeviceAsync(id);
        var before = await _hub.RefusedAsync("connections_per_address");
        var devices = new List<MqttDevice>();
        for (var i = 0; i < PerAddressCap; i++)
        {
            devices.Add(await MqttDevice.ConnectAsync(_hub.MqttPort, id, secret));
        }

        await Assert.ThrowsAnyAsync<MQTTnet.Exceptions.MqttCommunicationException>(() => MqttDevice.ConnectAsync(_hub.MqttPort, id, secret));

        Assert.Equal(before + 1, await _hub.RefusedAsync("connections_per_address"));
        Assert.All(devices, d => Assert.True(d.Client.IsConnected));
        foreach (var device in devices)
        {
            await device.DisposeAsync();
        }
    }

    private ConnectionLimiter Limiter => _hub.Get<ConnectionLimiter>();

    /// <summary>Tests in this class share the caps: wait until the previous test's connections are gone.</summary>
    private Task NoConnectionsLeftAsync() => Eventually.GetAsync(() => Task.FromResult(Limiter.Open), n => n == 0, what: "no MQTT connections left");
}
