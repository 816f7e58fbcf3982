using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace IotService.Ingest.Mqtt.Tls;

/// <summary>Loads the broker's certificate, with its intermediates so that clients holding only the root can build the chain.</summary>
public static class ServerCertificate
{
    /// <exception cref="InvalidOperationException">The files cannot be read, or the certificate has no private key.</exception>
    public static SslStreamCertificateContext Load(MqttTlsOptions options)
    {
        var path = options.CertificatePath ?? throw new InvalidOperationException("Mqtt:Tls:CertificatePath is not set.");
        try
        {
            var (leaf, chain) = IsPkcs12(path) ? LoadPkcs12(path, options.Password) : LoadPem(path, options.KeyPath, options.Password);
            if (!leaf.HasPrivateKey)
            {
                throw new InvalidOperationException($"The certificate in '{path}' has no private key.");
            }

            return SslStreamCertificateContext.Create(leaf, chain, offline: true);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            throw new InvalidOperationException($"Cannot load the MQTT TLS certificate from '{path}': {ex.Message}", ex);
        }
    }

    private static bool IsPkcs12(string path)
        => path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);

    private static (X509Certificate2 Leaf, X509Certificate2Collection Chain) LoadPkcs12(string path, string? password)
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password);
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey) ?? throw new InvalidOperationException($"'{path}' holds no certificate with a private key.");
        all.Remove(leaf);
        return (leaf, all);
    }

    private static (X509Certificate2 Leaf, X509Certificate2Collection Chain) LoadPem(string certificatePath, string? keyPath, string? password)
    {
        var key = string.IsNullOrEmpty(keyPath) ? null : keyPath;
        var leaf = string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(certificatePath, key)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, key);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(certificatePath);
        chain.RemoveAt(0); // the leaf itself, without its key
        return (leaf, chain);
    }
}
