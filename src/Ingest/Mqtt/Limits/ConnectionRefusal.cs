namespace IotService.Ingest.Mqtt.Limits;

/// <summary>Why the embedded broker refused or cut a connection; counted per reason (<c>connectionsRefused</c> in <c>/api/ingest/stats</c>).</summary>
public enum ConnectionRefusal
{
    /// <summary><c>Mqtt:MaxConnections</c> open connections already.</summary>
    ConnectionsTotal = 0,

    /// <summary><c>Mqtt:MaxConnectionsPerAddress</c> open connections from the client's address already.</summary>
    ConnectionsPerAddress = 1,

    /// <summary><c>Mqtt:MaxUnauthenticatedPerAddress</c> connections from the client's address are still unauthenticated.</summary>
    UnauthenticatedPerAddress = 2,

    /// <summary>No authenticated CONNECT (TLS handshake included) within <c>Mqtt:ConnectTimeoutSeconds</c>.</summary>
    ConnectTimeout = 3,

    /// <summary>A packet header declared more than the limit: <c>Mqtt:MaxConnectPacketBytes</c> before authentication, <c>Ingest:MaxPayloadBytes</c> + <c>Mqtt:PacketHeadroomBytes</c> after.</summary>
    PacketTooLarge = 4,

    /// <summary>The first packet was not a CONNECT, or a packet length was not a valid MQTT variable byte integer.</summary>
    MalformedPacket = 5,

    /// <summary>The TLS handshake failed.</summary>
    TlsHandshake = 6,

    /// <summary>Unknown device, wrong secret, or no credentials where anonymous access is off.</summary>
    BadCredentials = 7,

    /// <summary>A client id that is not the device id, does not start with <c>{deviceId}/</c> and is not empty.</summary>
    ClientIdNotValid = 8,
}
