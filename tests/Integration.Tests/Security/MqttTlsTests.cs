using System.Globalization;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Mqtt;
using IotService.TestSupport.Tls;

namespace IotService.Integration.Tests.Security;

/// <summary>Issue 14 item 4: MQTT over TLS with a certificate from configuration, and the plain port switched off.</summary>
public sealed class MqttTlsTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = TestCertificates.Create(TempFolder.Create("tls"));
    private readonly int _tlsPort = FreePort.Next();
    private HubHost _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Mqtt:PlainEnabled"] = "false",
            ["Mqtt:Tls:Port"] = _tlsPort.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Tls:CertificatePath"] = _certificates.CertificatePath,
            ["Mqtt:Tls:KeyPath"] = _certificates.KeyPath,
        });
        await _hub.CreateChillerModelAsync();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task MosquittoPubPublishesOverTlsTrustingOnlyTheRootCa()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await _hub.RegisterDeviceAsync(id);

        var (exit, output) = await Tools.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", _tlsPort.ToString(CultureInfo.InvariantCulture),
            "--cafile", _certificates.CaPath, "-u", id, "-P", secret, "-q", "1", "-t", $"devices/{id}/telemetry", "-m", """{"values":{"temperature":36.6}}""");

        Assert.True(exit == 0, output);
        await _hub.WaitForValueAsync(id, "temperature", 36.6);
    }

    [Fact]
    public async Task AClientThatDoesNotTrustTheCertificateFailsTheHandshakeAndIsCounted()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await _hub.RegisterDeviceAsync(id);
        var stranger = TestCertificates.Create(TempFolder.Create("tls-other"));
        var before = await _hub.RefusedAsync("tls_handshake");

        var (exit, _) = await Tools.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", _tlsPort.ToString(CultureInfo.InvariantCulture),
            "--cafile", stranger.CaPath, "-u", id, "-P", secret, "-q", "1", "-t", $"devices/{id}/telemetry", "-m", """{"values":{"temperature":1}}""");

        Assert.NotEqual(0, exit);
        await Eventually.GetAsync(() => _hub.RefusedAsync("tls_handshake"), n => n == before + 1, what: "the failed handshake counted");
    }

    [Fact]
    public async Task WithPlainOffThePlainPortRefusesConnections()
    {
        using var client = new TcpClient();

        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", _hub.MqttPort));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task HealthSaysTheBrokerIsReadyWithOnlyTheTlsPort()
    {
        var health = await _hub.Http.GetFromJsonAsync<JsonObject>("/health");

        Assert.Equal("healthy", health!["checks"]!["mqtt"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOversizedConnectInsideTlsIsCutToo()
    {
        var before = await _hub.RefusedAsync("packet_too_large");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _tlsPort);
        await using var tls = new SslStream(tcp.GetStream(), false, TrustTestRoot);
        await tls.AuthenticateAsClientAsync("127.0.0.1");

        await tls.WriteAsync(MqttWire.ConnectHeader((256 * 1024 * 1024) - 1));
        await tls.FlushAsync();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await ReadUntilClosedAsync(tls, deadline.Token);
        Assert.Equal(0, read);
        Assert.Equal(before + 1, await _hub.RefusedAsync("packet_too_large"));
    }

    private static async Task<int> ReadUntilClosedAsync(SslStream tls, CancellationToken cancellationToken)
    {
        try
        {
            return await tls.ReadAsync(new byte[16], cancellationToken);
        }
        catch (IOException)
        {
            return 0; // reset: closed as well
        }
    }

    private bool TrustTestRoot(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_certificates.Ca);
        custom.ChainPolicy.ExtraStore.AddRange(chain?.ChainElements.Select(e => e.Certificate).ToArray() ?? []);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return custom.Build(new X509Certificate2(certificate));
    }
}
