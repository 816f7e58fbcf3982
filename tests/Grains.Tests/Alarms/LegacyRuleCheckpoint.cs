namespace IotService.Grains.Tests.Alarms;

/// <summary>A rule checkpoint as stored before rule kinds owned their state.</summary>
[GenerateSerializer]
public sealed class LegacyRuleCheckpoint
{
    [Id(0)] public string Fingerprint { get; set; } = "";

    [Id(1)] public DateTimeOffset? PendingSince { get; set; }

    [Id(2)] public bool Firing { get; set; }

    [Id(3)] public DateTimeOffset? LastEvaluated { get; set; }

    [Id(4)] public DateTimeOffset WatchingSince { get; set; }
}
