using System.ComponentModel.DataAnnotations;

namespace IotService.Ingest.Mqtt.Tls;

/// <summary>MQTT over TLS (embedded broker). The TLS listener runs when a certificate is configured.</summary>
public sealed class MqttTlsOptions
{
    public const string SectionName = "Mqtt:Tls";

    [Range(0, 65535)]
    public int Port { get; set; } = 8883;

    /// <summary>
    /// The server certificate: a PEM file (the certificate first, then any intermediates) or a PKCS #12 file
    /// (<c>.pfx</c>/<c>.p12</c>). Empty: no TLS listener.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM only: the private key file; empty when the key is in <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PKCS #12 password, or the password of an encrypted PEM key.</summary>
    public string? Password { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(CertificatePath);
}
