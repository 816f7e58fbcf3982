namespace IotService.Ingest.Mqtt.External;

/// <summary>
/// What the hub grants at the broker. Mosquitto 2.0's dynamic-security plugin does not substitute <c>%u</c>/<c>%c</c>
/// in ACL topics (eclipse/mosquitto#2222; 2.1 adds it), so every device gets a role of its own.
/// </summary>
public static class DynamicSecurityAcls
{
    /// <summary>The role of the hubs' account.</summary>
    public const string HubRole = "iot-hub";

    public static string DeviceRole(string deviceId) => "iot-device-" + deviceId;

    /// <summary>
    /// As on the embedded broker: publish and subscribe under its own <c>devices/{id}/</c> and nowhere else. Device ids
    /// hold no <c>+</c>, <c>#</c> or <c>/</c>, so the topic is literal. Nothing else is granted, and the plugin's
    /// default denies every other publish and subscription, <c>$share/…</c> and <c>$CONTROL/…</c> included.
    /// </summary>
    public static IReadOnlyList<DynamicSecurityAcl> Device(string deviceId) =>
    [
        new("publishClientSend", $"devices/{deviceId}/#"),
        new("publishClientReceive", $"devices/{deviceId}/#"),
        new("subscribePattern", $"devices/{deviceId}/#"),
    ];

    /// <summary>The hubs' shared subscriptions and the device traffic they carry; the control API is the admin role's.</summary>
    public static IReadOnlyList<DynamicSecurityAcl> Hub(string sharedGroup) =>
    [
        new("subscribePattern", $"$share/{sharedGroup}/devices/+/telemetry"),
        new("subscribePattern", $"$share/{sharedGroup}/devices/+/status"),
        new("publishClientReceive", "devices/+/telemetry"),
        new("publishClientReceive", "devices/+/status"),
    ];
}
