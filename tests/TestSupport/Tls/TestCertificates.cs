using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IotService.TestSupport.Tls;

/// <summary>
/// A throw-away PKI written as files: a root CA, an intermediate, and a server certificate for 127.0.0.1 and
/// localhost issued by the intermediate. The server's PEM holds its certificate and then the intermediate, so a
/// client that trusts only the root must get the intermediate from the server.
/// </summary>
public sealed class TestCertificates
{
    public const string PfxPassword = "test-pfx-password";

    private TestCertificates(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>The root CA certificate (PEM): what clients pass as <c>--cafile</c>.</summary>
    public string CaPath => Path.Combine(Folder, "ca.pem");

    /// <summary>Server certificate then intermediate (PEM), without the key.</summary>
    public string CertificatePath => Path.Combine(Folder, "server.pem");

    /// <summary>The server's private key (PKCS #8 PEM).</summary>
    public string KeyPath => Path.Combine(Folder, "server.key");

    /// <summary>Server certificate with key and the intermediate, protected by <see cref="PfxPassword"/>.</summary>
    public string PfxPath => Path.Combine(Folder, "server.pfx");

    /// <summary>A certificate file and a key that does not belong to it.</summary>
    public string ForeignKeyPath => Path.Combine(Folder, "foreign.key");

    public X509Certificate2 Ca { get; private set; } = null!;

    public static TestCertificates Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var result = new TestCertificates(folder);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var foreignKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var caRequest = Authority("CN=IotService Test Root CA", caKey);
        result.Ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        using var intermediate = Issue(Authority("CN=IotService Test Intermediate CA", intermediateKey), result.Ca, caKey, now, intermediateKey);
        using var server = Issue(ServerRequest(serverKey), intermediate, intermediateKey, now, serverKey);

        File.WriteAllText(result.CaPath, result.Ca.ExportCertificatePem());
        File.WriteAllText(result.CertificatePath, server.ExportCertificatePem() + "\n" + intermediate.ExportCertificatePem() + "\n");
        File.WriteAllText(result.KeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(result.ForeignKeyPath, foreignKey.ExportPkcs8PrivateKeyPem());
        var bundle = new X509Certificate2Collection { server, X509CertificateLoader.LoadCertificate(intermediate.RawData) };
        File.WriteAllBytes(result.PfxPath, bundle.Export(X509ContentType.Pkcs12, PfxPassword)!);
        return result;
    }

    /// <summary>
    /// Accepts exactly the chains that end in <see cref="Ca"/>, taking intermediates from what the server sent: what a
    /// client configured with <see cref="CaPath"/> does.
    /// </summary>
    public bool Validates(X509Certificate2? certificate, X509Chain? sent)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var element in sent?.ChainElements.Select(e => e.Certificate) ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(element);
        }

        return chain.Build(certificate);
    }

    private static CertificateRequest Authority(string name, ECDsa key)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static CertificateRequest ServerRequest(ECDsa key)
    {
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static X509Certificate2 Issue(CertificateRequest request, X509Certificate2 issuer, ECDsa issuerKey, DateTimeOffset now, ECDsa subjectKey)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issuerWithKey = issuer.HasPrivateKey ? null : issuer.CopyWithPrivateKey(issuerKey);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(issuerWithKey ?? issuer, now.AddDays(-1), now.AddDays(29), serial);
        return issued.CopyWithPrivateKey(subjectKey);
    }
}
