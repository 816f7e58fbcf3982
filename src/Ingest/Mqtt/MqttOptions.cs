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

    /// <summary>Embedded only: accept connections without credentials (they still cannot publish telemetry for unknown devices).</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>External only: credentials of the hub itself at the broker.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>External only: the shared-subscription group hubs share work in.</summary>
    public string SharedGroup { get; set; } = "iot";

    /// <summary>External only: the hub's client id. It must be stable across restarts (the broker keeps its session under it) and different for every hub; default <c>{ClientIdPrefix}-{machine name}</c>.</summary>
    public string? ClientId { get; set; }

    public string ClientIdPrefix { get; set; } = "iot-hub";

    /// <summary>External only: how long the broker keeps the hub's session (and unacknowledged messages) while it is away.</summary>
    [Range(0, uint.MaxValue)]
    public uint SessionExpirySeconds { get; set; } = 3600;
}
