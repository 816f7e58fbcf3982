using System.Net;
using System.Net.Security;

namespace IotService.Ingest.Mqtt.Transport;

/// <summary>An address the broker listens on, with TLS when a certificate is given.</summary>
public sealed record MqttEndpoint(IPEndPoint Address, SslStreamCertificateContext? Certificate)
{
    public override string ToString() => $"{Address}{(Certificate is null ? "" : " (TLS)")}";
}
