using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Grains.Alarms;

namespace IotService.Grains.Devices;

/// <summary>Persistent state of a device grain.</summary>
[GenerateSerializer]
public sealed class DeviceState
{
    [Id(0)] public bool Registered { get; set; }

    [Id(1)] public string? Name { get; set; }

    [Id(2)] public string ModelId { get; set; } = "";

    [Id(3)] public string? CustomerId { get; set; }

    [Id(4)] public string SecretHash { get; set; } = "";

    [Id(5)] public string ActivationCode { get; set; } = "";

    [Id(6)] public DateTimeOffset RegisteredAt { get; set; }

    [Id(7)] public GeoPoint? Location { get; set; }

    [Id(8)] public DeviceStatus Status { get; set; }

    /// <summary>Receive time of the last message, by the hub's clock (device clocks drift).</summary>
    [Id(9)] public DateTimeOffset? LastSeen { get; set; }

    [Id(10)] public Dictionary<string, PropertyValue> Values { get; set; } = new(StringComparer.Ordinal);

    [Id(11)] public Severity HighestActiveSeverity { get; set; }

    /// <summary>What each rule remembers between readings, by rule id (each kind's checkpoint).</summary>
    [Id(12)] public Dictionary<string, RuleCheckpoint> RuleStates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open (active or acknowledged) alarms by rule id: at most one per rule. Cleared ones live in the alarm catalog.</summary>
    [Id(13)] public Dictionary<string, AlarmRecord> OpenAlarms { get; set; } = new(StringComparer.Ordinal);

    // Id 14 held per-property receive times for no-data rules; the no-data rule's own checkpoint keeps them now. Never reuse it.
}
