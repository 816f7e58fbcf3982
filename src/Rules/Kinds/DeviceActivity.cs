namespace IotService.Rules.Kinds;

/// <summary>
/// What the host knows of a device's traffic when a rule runs outside a single value, by the hub's clock:
/// <paramref name="LastSeen"/> is the last message of any kind (readings or status), null if none yet.
/// </summary>
public readonly record struct DeviceActivity(DateTimeOffset RegisteredAt, DateTimeOffset? LastSeen);
