using System.ComponentModel.DataAnnotations;

namespace IotService.Ingest.Mqtt;

/// <summary>How the hub meets MQTT (SPEC §3, §4).</summary>
public sealed class MqttOptions
{
    public const string SectionName = "Mqtt";

    /// <summary><c>embedded</c>: the hub is the broker. <c>external</c>: the hub subscribes to another broker.</summary>
    [Required, RegularExpression("^(embedded|external)$")]
    public string Mode { get; set; } = "embedded";

    /// <summary>Embedded: the address to bind. External: the broker's host.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Embedded only: listen on <see cref="Port"/> without TLS. Off leaves only the TLS port (<c>Mqtt:Tls</c>).</summary>
    public bool PlainEnabled { get; set; } = true;

    /// <summary>
    /// Embedded only: accept connections without credentials (they still cannot publish telemetry for unknown devices).
    /// Their client ids must be empty or start with <c>$anonymous/</c>, which no device id can, so they take no device's session.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Embedded only: the largest packet before authentication (the CONNECT); a larger one cuts the connection before it is read.</summary>
    [Range(128, 1024 * 1024)]
    public int MaxConnectPacketBytes { get; set; } = 4096;

    /// <summary>Embedded only: what an authenticated client's packets may carry beyond <c>Ingest:MaxPayloadBytes</c> (topic, properties) before the connection is cut.</summary>
    [Range(0, 16 * 1024 * 1024)]
    public int PacketHeadroomBytes { get; set; } = 16 * 1024;

    /// <summary>Embedded only: time from accepting a socket to an authenticated CONNECT (TLS handshake included).</summary>
    [Range(0.1, 3600)]
    public double ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Embedded only: open connections in all.</summary>
    [Range(1, 10_000_000)]
    public int MaxConnections { get; set; } = 50_000;

    /// <summary>Embedded only: open connections from one client address (a gateway or NAT may carry hundreds of devices).</summary>
    [Range(1, 10_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 1_000;

    /// <summary>Embedded only: connections from one client address that have not yet authenticated.</summary>
    [Range(1, 10_000_000)]
    public int MaxUnauthenticatedPerAddress { get; set; } = 32;

    /// <summary>External only: credentials of the hub itself at the broker.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>External only: the shared-subscription group hubs share work in.</summary>
    public string SharedGroup { get; set; } = "iot";

    /// <summary>External only: the hub's client id. It must be stable across restarts (the broker keeps its session under it) and different for every hub; default <c>{ClientIdPrefix}-{machine name}</c>.</summary>
    public string? ClientId { get; set; }

    public string ClientIdPrefix { get; set; } = "iot-hub";

    /// <summary>External only: <see cref="ClientId"/>, or its default for this machine.</summary>
    public string HubClientId() => string.IsNullOrEmpty(ClientId) ? $"{ClientIdPrefix}-{Environment.MachineName}" : ClientId;

    /// <summary>External only: how long the broker keeps the hub's session (and unacknowledged messages) while it is away.</summary>
    [Range(0, uint.MaxValue)]
    public uint SessionExpirySeconds { get; set; } = 3600;

    /// <summary>
    /// External only: who gives devices their accounts at the broker. <c>dynsec</c>: the hub, through Mosquitto's
    /// dynamic-security plugin, when a device is registered (<see cref="Username"/> must be the plugin's admin).
    /// <c>none</c>: the operator (another broker, a password file).
    /// </summary>
    [Required, RegularExpression("^(dynsec|none)$")]
    public string DeviceAccounts { get; set; } = "dynsec";

    /// <summary>External only: how long a registration waits for the broker to confirm the device's account.</summary>
    [Range(0.1, 300)]
    public double ControlTimeoutSeconds { get; set; } = 5;
}
