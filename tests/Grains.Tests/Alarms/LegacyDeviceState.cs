using IotService.Contracts.Alarms;

namespace IotService.Grains.Tests.Alarms;

/// <summary>The device state as stored before rule kinds owned their state: the fields that changed, under their ids.</summary>
[GenerateSerializer]
public sealed class LegacyDeviceState
{
    [Id(0)] public bool Registered { get; set; }

    [Id(2)] public string ModelId { get; set; } = "";

    [Id(6)] public DateTimeOffset RegisteredAt { get; set; }

    [Id(12)] public Dictionary<string, LegacyRuleCheckpoint> RuleStates { get; set; } = new(StringComparer.Ordinal);

    [Id(13)] public Dictionary<string, AlarmRecord> OpenAlarms { get; set; } = new(StringComparer.Ordinal);

    [Id(14)] public Dictionary<string, DateTimeOffset> PropertySeen { get; set; } = new(StringComparer.Ordinal);
}
