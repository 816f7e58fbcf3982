using IotService.Ingest.Mqtt.Tls;
using IotService.TestSupport.Tls;

namespace IotService.Ingest.Tests.Mqtt.Tls;

public sealed class ServerCertificateTests
{
    private static readonly Lazy<TestCertificates> Certificates = new(() =>
        TestCertificates.Create(Path.Combine(Path.GetTempPath(), "iot-tests", $"certs-{Guid.NewGuid():N}")));

    [Fact]
    public void LoadsAPemCertificateWithItsKeyFileAndTheIntermediateAfterIt()
    {
        var context = ServerCertificate.Load(new MqttTlsOptions { CertificatePath = Certificates.Value.CertificatePath, KeyPath = Certificates.Value.KeyPath });

        Assert.Equal("CN=127.0.0.1", context.TargetCertificate.Subject);
        Assert.True(context.TargetCertificate.HasPrivateKey);
        Assert.Equal("CN=IotService Test Intermediate CA", Assert.Single(context.IntermediateCertificates).Subject);
    }

    [Fact]
    public void LoadsAPfxWithItsPassword()
    {
        var context = ServerCertificate.Load(new MqttTlsOptions { CertificatePath = Certificates.Value.PfxPath, Password = TestCertificates.PfxPassword });

        Assert.Equal("CN=127.0.0.1", context.TargetCertificate.Subject);
        Assert.True(context.TargetCertificate.HasPrivateKey);
        Assert.Equal("CN=IotService Test Intermediate CA", Assert.Single(context.IntermediateCertificates).Subject);
    }

    [Fact]
    public void SaysWhichFileFailsWhenThePfxPasswordIsWrongOrTheKeyIsNotTheCertificates()
    {
        var wrongPassword = Assert.Throws<InvalidOperationException>(() =>
            ServerCertificate.Load(new MqttTlsOptions { CertificatePath = Certificates.Value.PfxPath, Password = "wrong" }));
        var foreignKey = Assert.Throws<InvalidOperationException>(() =>
            ServerCertificate.Load(new MqttTlsOptions { CertificatePath = Certificates.Value.CertificatePath, KeyPath = Certificates.Value.ForeignKeyPath }));
        var missing = Assert.Throws<InvalidOperationException>(() =>
            ServerCertificate.Load(new MqttTlsOptions { CertificatePath = Path.Combine(Certificates.Value.Folder, "missing.pem") }));

        Assert.Contains(Certificates.Value.PfxPath, wrongPassword.Message, StringComparison.Ordinal);
        Assert.Contains(Certificates.Value.CertificatePath, foreignKey.Message, StringComparison.Ordinal);
        Assert.Contains("missing.pem", missing.Message, StringComparison.Ordinal);
    }
}
